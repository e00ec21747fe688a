import type { MemberDeletionRequestStatus } from '@tidepool/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A shopper's request to delete the account (PIPL), queued for an operator: the console lists the PENDING ones
 * and processing one anonymises the member (PersonalDataService.deleteAccount) and marks it DONE in the same
 * unit of work. At most one PENDING request per member: `pendingMemberId` holds the member id while pending and
 * NULL once done, and the unique index enforces it on both databases.
 */
@Entity('member_deletion_requests')
@Index('idx_member_deletion_requests_status', ['status', 'id'])
export class MemberDeletionRequest {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_member_deletion_requests_member')
  @Column({ type: 'int' })
  memberId: number;

  @Index('uq_member_deletion_requests_pending', { unique: true })
  @Column({ type: 'int', nullable: true, default: null })
  pendingMemberId: number | null;

  @Column({ type: 'varchar', length: 16 })
  status: MemberDeletionRequestStatus;

  @Column({ type: 'datetime', precision: 3 })
  requestedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  processedAt: Date | null;

  @Column({ type: 'int', nullable: true, default: null })
  processedByStaffId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  processedByName: string | null;
}
