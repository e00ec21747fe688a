import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A member's running balance of one template's consents: `unspent` is how many more messages the brand may send.
 * Kept (not derived) so a send can spend one with a conditional UPDATE (`unspent > 0`) that concurrent sends
 * cannot both win; every change to it appends a `message_consent_entries` row in the same transaction, so the
 * balance always equals grants − spends − withdrawals + restores of the ledger (a spec checks it).
 */
@Entity('message_consents')
@Index(['memberId', 'templateId'], { unique: true })
export class MessageConsent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  /** The WeChat template id the member accepted (a deployment may change a key's id; consents stay with the id). */
  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  /** MessageTemplateKey the id belonged to when first granted. */
  @Column({ type: 'varchar', length: 24 })
  templateKey: string;

  @Column({ type: 'int', default: 0 })
  unspent: number;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  lastGrantedAt: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
