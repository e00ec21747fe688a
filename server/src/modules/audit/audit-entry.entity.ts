import type { AuditObjectType, Role } from '@tidepool/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One operator write, append-only: nothing updates or deletes these rows. */
@Entity('audit_entries')
@Index(['objectType', 'objectId', 'id'])
@Index(['actorId', 'id'])
@Index(['storeId', 'id'])
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: 'int' })
  actorId: number;

  @Column({ type: 'varchar', length: 16 })
  actorRole: Role;

  /** The actor's display name when they acted: the log still reads right after a rename. */
  @Column({ type: 'varchar', length: 64 })
  actorName: string;

  @Column({ type: 'varchar', length: 48 })
  action: string;

  @Column({ type: 'varchar', length: 24 })
  objectType: AuditObjectType;

  @Column({ type: 'varchar', length: 64 })
  objectId: string;

  @Column({ type: 'int', nullable: true, default: null })
  storeId: number | null;

  /** JSON of the object's fields before the write; null when the write created it. */
  @Column({ type: 'text', nullable: true, default: null })
  beforeJson: string | null;

  /** JSON of the object's fields after the write; null when the write removed it. */
  @Column({ type: 'text', nullable: true, default: null })
  afterJson: string | null;
}
