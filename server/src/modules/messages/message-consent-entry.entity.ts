import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * GRANT: one 允许 in wx.requestSubscribeMessage (quantity 1). REJECT: the member declined (quantity 0, kept for
 * the record). SPEND: a send used one. RESTORE: WeChat rejected the message's data before using the consent, so
 * it is given back. WITHDRAW: the member dropped their unspent consents (quantity = how many).
 */
export type MessageConsentEntryKind = 'GRANT' | 'REJECT' | 'SPEND' | 'RESTORE' | 'WITHDRAW';

/** The consent ledger: append-only, never updated or deleted. */
@Entity('message_consent_entries')
@Index(['memberId', 'templateId', 'id'])
export class MessageConsentEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'varchar', length: 24 })
  templateKey: string;

  @Column({ type: 'varchar', length: 10 })
  kind: MessageConsentEntryKind;

  @Column({ type: 'int' })
  quantity: number;

  /** The mini program page that asked (GRANT/REJECT); '' for the other kinds. */
  @Column({ type: 'varchar', length: 120, default: '' })
  sourcePage: string;

  /** The send that spent or restored it. */
  @Column({ type: 'int', nullable: true, default: null })
  sendId: number | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
