import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The stage history: one row each time a member enters a lifecycle stage or a relationship level. Append-only. */
@Entity('member_stage_changes')
@Index(['memberId', 'enteredAt'])
@Index(['kind', 'toValue', 'enteredAt'])
export class MemberStageChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  /** 'LIFECYCLE' (LifecycleStage values) or 'RELATIONSHIP' (RelationshipLevel values). */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  /** Null for the member's first row of this kind. */
  @Column({ type: 'varchar', length: 16, nullable: true, default: null })
  fromValue: string | null;

  @Column({ type: 'varchar', length: 16 })
  toValue: string;

  @Column({ type: 'datetime', precision: 3 })
  enteredAt: Date;
}
