import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Units one member holds in one drop item (reserved or bought): the per-member limit is a conditional UPDATE on
 * this row, so it holds across concurrent requests and server processes. A cancelled order gives its units back.
 */
@Entity('drop_member_holds')
export class DropMemberHold {
  @PrimaryColumn({ type: 'int' })
  dropItemId: number;

  @PrimaryColumn({ type: 'int' })
  memberId: number;

  @Column({ type: 'int', default: 0 })
  held: number;
}
