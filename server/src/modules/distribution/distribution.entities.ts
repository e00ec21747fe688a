import type {
  BindingOutcome,
  CommissionStatus,
  LedgerEntryType,
  PromoterSource,
  PromoterStatus,
  ShareTargetType,
  WithdrawalStatus,
} from '@tidepool/shared';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A promoter (推手): a member who applied, or a staff member's member identity (same WeChat openid). */
@Entity('promoters')
export class Promoter {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', unique: true })
  memberId: number;

  /** The staff account whose bound WeChat is this member's (source STAFF). */
  @Column({ type: 'int', nullable: true, default: null, unique: true })
  staffId: number | null;

  @Column({ type: 'varchar', length: 16 })
  source: PromoterSource;

  @Index()
  @Column({ type: 'varchar', length: 16 })
  status: PromoterStatus;

  @Column({ type: 'varchar', length: 64 })
  displayName: string;

  @Column({ type: 'varchar', length: 255, nullable: true, default: null })
  avatarUrl: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  realName: string | null;

  /** The second level: who invited this promoter. */
  @Index()
  @Column({ type: 'int', nullable: true, default: null })
  inviterPromoterId: number | null;

  /** Whoever applies with it joins this promoter's team. */
  @Column({ type: 'varchar', length: 32, unique: true })
  inviteToken: string;

  @Column({ type: 'datetime', precision: 3 })
  appliedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  approvedAt: Date | null;

  @Column({ type: 'varchar', length: 255, nullable: true, default: null })
  rejectReason: string | null;
}

/**
 * A promoter's balances, kept beside the append-only ledger (commission_entries) in the same transactions:
 * pending (in the return window), available (may go negative: a debt from a refund after settlement),
 * withdrawing (requested, not yet paid or failed) and withdrawn.
 */
@Entity('promoter_accounts')
export class PromoterAccount {
  @PrimaryColumn({ type: 'int' })
  promoterId: number;

  @Column({ type: 'int', default: 0 })
  pendingFen: number;

  @Column({ type: 'int', default: 0 })
  availableFen: number;

  @Column({ type: 'int', default: 0 })
  withdrawingFen: number;

  @Column({ type: 'int', default: 0 })
  withdrawnFen: number;

  /** Ever accrued net of reversals. */
  @Column({ type: 'int', default: 0 })
  totalEarnedFen: number;
}

/** A short referral token for promoter + target (also the wxacode scene), made once. */
@Entity('share_tokens')
@Index(['promoterId', 'targetType', 'targetId'], { unique: true })
export class ShareToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  token: string;

  @Column({ type: 'int' })
  promoterId: number;

  @Column({ type: 'varchar', length: 16 })
  targetType: ShareTargetType;

  /** 0 for STORE. */
  @Column({ type: 'int', default: 0 })
  targetId: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** One counted view of a share (once per visitor, token and store-zone day). */
@Entity('share_visits')
@Index(['shareTokenId', 'visitorKey', 'day'], { unique: true })
export class ShareVisit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  shareTokenId: number;

  /** `m<memberId>`, or a random key for an anonymous visitor. */
  @Column({ type: 'varchar', length: 40 })
  visitorKey: string;

  @Column({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'int', nullable: true, default: null })
  memberId: number | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** A customer's current promoter (客户关系); one row per member. */
@Entity('customer_bindings')
export class CustomerBinding {
  @PrimaryColumn({ type: 'int' })
  memberId: number;

  @Index()
  @Column({ type: 'int' })
  promoterId: number;

  @Column({ type: 'int', nullable: true, default: null })
  shareTokenId: number | null;

  @Column({ type: 'datetime', precision: 3 })
  boundAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  protectedUntil: Date;
}

/** Every binding decision, including refusals and kept bindings: the audit trail of customer relations. */
@Entity('binding_events')
@Index(['memberId', 'id'])
export class BindingEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  memberId: number;

  /** The promoter whose link was opened (or the order's promoter for an order extension). */
  @Column({ type: 'int' })
  promoterId: number;

  @Column({ type: 'int', nullable: true, default: null })
  previousPromoterId: number | null;

  @Column({ type: 'varchar', length: 16 })
  outcome: BindingOutcome | 'ORDER_EXTENDED';

  @Column({ type: 'int', nullable: true, default: null })
  shareTokenId: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  protectedUntil: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** Which promoter an order was attributed to when it was paid (promoterId null: nobody). */
@Entity('order_attributions')
export class OrderAttribution {
  @PrimaryColumn({ type: 'int' })
  orderId: number;

  @Column({ type: 'int' })
  buyerMemberId: number;

  @Index()
  @Column({ type: 'int', nullable: true, default: null })
  promoterId: number | null;

  @Column({ type: 'int', nullable: true, default: null })
  secondPromoterId: number | null;

  @Index()
  @Column({ type: 'int', nullable: true, default: null })
  shareTokenId: number | null;

  /** The commission base: the lines' paid amounts (shipping excluded). */
  @Column({ type: 'int', default: 0 })
  baseFen: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

/**
 * A distribution product (分销商品) and its rates. A NULL rate follows the brand's (品牌规则 → 佣金比例), read at
 * each commission's payment instant, so a new rule version changes it for orders paid from then on only.
 */
@Entity('distribution_products')
export class DistributionProduct {
  @PrimaryColumn({ type: 'int' })
  productId: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'int', nullable: true, default: null })
  rateBp: number | null;

  @Column({ type: 'int', nullable: true, default: null })
  secondRateBp: number | null;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}

export interface CommissionLine {
  orderItemId: number;
  productId: number;
  productName: string;
  quantity: number;
  paidFen: number;
  rateBp: number;
  commissionFen: number;
  reversedFen: number;
}

/** One order's commission for one promoter at one level. `version` guards every change (optimistic). */
@Entity('commissions')
@Index(['orderId', 'level'], { unique: true })
@Index(['promoterId', 'id'])
@Index(['status', 'id'])
export class Commission {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'int' })
  level: 1 | 2;

  @Column({ type: 'int' })
  promoterId: number;

  @Column({ type: 'int' })
  buyerMemberId: number;

  @Column({ type: 'int', nullable: true, default: null })
  shareTokenId: number | null;

  @Column({ type: 'int' })
  baseFen: number;

  @Column({ type: 'int' })
  accruedFen: number;

  @Column({ type: 'int', default: 0 })
  reversedFen: number;

  @Column({ type: 'varchar', length: 12 })
  status: CommissionStatus;

  @Column({ type: 'simple-json' })
  lines: CommissionLine[];

  @Column({ type: 'int', default: 0 })
  version: number;

  @Column({ type: 'datetime', precision: 3 })
  paidAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  settledAt: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

/**
 * The commission ledger: append-only, one row per balance change, each with a unique dedupe key naming the fact
 * (accrue:<commission>, reverse:<commission>:<refund>, settle:<commission>, withdraw:<withdrawal>, …) so a
 * replayed event or a retried job changes nothing. Separate from the points ledger.
 */
@Entity('commission_entries')
@Index(['promoterId', 'id'])
export class CommissionEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  promoterId: number;

  @Column({ type: 'varchar', length: 16 })
  type: LedgerEntryType;

  @Column({ type: 'int', default: 0 })
  pendingDeltaFen: number;

  @Column({ type: 'int', default: 0 })
  availableDeltaFen: number;

  @Column({ type: 'int', nullable: true, default: null })
  commissionId: number | null;

  @Column({ type: 'int', nullable: true, default: null })
  orderId: number | null;

  @Column({ type: 'int', nullable: true, default: null })
  withdrawalId: number | null;

  @Column({ type: 'varchar', length: 96, unique: true })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  note: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** A withdrawal (提现): REQUESTED → (REVIEW) → PAYING → PAID | FAILED; REVIEW → REJECTED. */
@Entity('commission_withdrawals')
@Index(['promoterId', 'clientRequestId'], { unique: true })
@Index(['promoterId', 'businessDate'])
@Index(['status', 'id'])
export class Withdrawal {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  promoterId: number;

  @Column({ type: 'varchar', length: 64 })
  clientRequestId: string;

  @Column({ type: 'int' })
  amountFen: number;

  @Column({ type: 'varchar', length: 12 })
  status: WithdrawalStatus;

  /** Store-zone date of the request (the daily limit). */
  @Column({ type: 'varchar', length: 10 })
  businessDate: string;

  /** WeChat's bill number once accepted. */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  transferBillNo: string | null;

  @Column({ type: 'varchar', length: 1024, nullable: true, default: null })
  packageInfo: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true, default: null })
  failureReason: string | null;

  @Column({ type: 'int', default: 0 })
  payoutAttempts: number;

  @Column({ type: 'datetime', precision: 3 })
  requestedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  reviewedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  paidAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  finishedAt: Date | null;
}

/** The transfer bill number for a withdrawal: our idempotency key with WeChat (out_bill_no). */
export const outBillNoOf = (withdrawalId: number): string => `TPW${String(withdrawalId).padStart(10, '0')}`;

export const DISTRIBUTION_ENTITIES = [
  Promoter,
  PromoterAccount,
  ShareToken,
  ShareVisit,
  CustomerBinding,
  BindingEvent,
  OrderAttribution,
  DistributionProduct,
  Commission,
  CommissionEntry,
  Withdrawal,
];

/** A product's rates as they apply at an instant: its own, or the brand's in force then where it has none. */
export function effectiveRates(
  setting: Pick<DistributionProduct, 'rateBp' | 'secondRateBp'>,
  brand: { directRateBp: number; indirectRateBp: number },
): { rateBp: number; secondRateBp: number } {
  return {
    rateBp: setting.rateBp ?? brand.directRateBp,
    secondRateBp: setting.secondRateBp ?? brand.indirectRateBp,
  };
}
