/**
 * Distribution (分销, 全员营销): promoters (推手) share referral cards and posters, visitors are bound to them
 * (客户关系) under protection rules, and paid orders earn commission in a ledger of its own (never points).
 *
 * Money is integer fen; rates are basis points (1000 bp = 10%). Times are ISO strings in UTC. Every member
 * endpoint takes the ordinary member token: being an approved promoter is checked by the server, there is no
 * separate promoter token. Lists are `Page<T>` with `?page=&pageSize=` (see pagination.contract.ts).
 */
import type { Page } from './pagination.contract';

// ---------------------------------------------------------------------------------------------------------------
// Promoters (推手)

/** NONE: never applied. PENDING: waiting for an operator. REJECTED may apply again. DISABLED: switched off. */
export const PROMOTER_STATUSES = ['NONE', 'PENDING', 'APPROVED', 'REJECTED', 'DISABLED'] as const;
export type PromoterStatus = (typeof PROMOTER_STATUSES)[number];

export const PROMOTER_STATUS_LABELS: Record<PromoterStatus, string> = {
  NONE: '未申请',
  PENDING: '审核中',
  APPROVED: '已通过',
  REJECTED: '未通过',
  DISABLED: '已停用',
};

/** How someone became a promoter: a member applied, or a staff member's bound WeChat made them one (全员营销). */
export type PromoterSource = 'APPLICATION' | 'STAFF';

/** The rules a promoter can read (推广规则), as configured on the server. */
export interface DistributionRulesView {
  /** Default first-level rate for a distribution product without its own (1000 = 10%). */
  defaultRateBp: number;
  /** Default second-level rate (the promoter's inviter); 0 = no second level. */
  defaultSecondRateBp: number;
  /** First + second level never exceed this (5000 = 50%). */
  maxTotalRateBp: number;
  /** A click binds the visitor for this many days. */
  protectionDays: number;
  /** An attributed order extends the protection to this many days after the order. */
  orderProtectionDays: number;
  /** After protection lapses another promoter's link may take the customer over (last touch); else first touch forever. */
  lastTouchAfterProtection: boolean;
  /** Commission becomes withdrawable this many days after the order completes (收货). */
  returnWindowDays: number;
  /** Whether a promoter earns on their own purchases. */
  selfPurchaseCommission: boolean;
  withdrawMinFen: number;
  /** Per promoter per business day (Asia/Shanghai). */
  withdrawDailyLimitFen: number;
  /** A withdrawal above this waits for an operator's review. */
  withdrawReviewThresholdFen: number;
  /** Approve applications without an operator. */
  autoApprove: boolean;
}

/**
 * GET /api/distribution/me: the caller's promoter status, with the rules (member token).
 * POST /api/distribution/apply answers the same shape.
 */
export interface PromoterMeView {
  status: PromoterStatus;
  /** The promoter id once applied; null for NONE. */
  promoterId: number | null;
  source: PromoterSource | null;
  /** Display name and avatar shown on posters (the member's nickname, or the staff display name). */
  displayName: string | null;
  avatarUrl: string | null;
  /** The inviter (second level), if any. */
  inviter: { promoterId: number; displayName: string } | null;
  /** A token that makes whoever applies with it this promoter's team member (邀请推手); only when APPROVED. */
  inviteToken: string | null;
  appliedAt: string | null;
  approvedAt: string | null;
  rejectReason: string | null;
  rules: DistributionRulesView;
}

/**
 * POST /api/distribution/apply (member token): apply to become a promoter. Idempotent: applying again while
 * PENDING or APPROVED answers the current state; REJECTED may apply again. With auto-approval on the answer is
 * APPROVED at once. `inviteToken` (from an inviting promoter's share) sets the inviter; an unknown, own or
 * looping token is ignored.
 */
export interface PromoterApplyRequest {
  /** Optional, up to 64 characters (for the operator's review; never shown to customers). */
  realName?: string;
  /** The name shown on cards and posters, up to 32 characters; default 推手 + the phone's last four digits. */
  nickname?: string;
  /** Avatar shown on posters (a URL, up to 255 characters). */
  avatarUrl?: string;
  inviteToken?: string;
}

/** GET /api/distribution/rules (public): the rules for the 推广规则 page before applying. */
export type DistributionRulesResponse = DistributionRulesView;

// ---------------------------------------------------------------------------------------------------------------
// Sharing: referral tokens, cards and posters

/** What a share points at. STORE = the home page (no product). */
export const SHARE_TARGET_TYPES = ['PRODUCT', 'DROP', 'STORE'] as const;
export type ShareTargetType = (typeof SHARE_TARGET_TYPES)[number];

/** The query key carrying the referral token in a shared path (onShareAppMessage): `...?id=12&rt=<token>`. */
export const REFERRAL_QUERY_KEY = 'rt';
/** A referral token (also the wxacode `scene`): 1..32 of A-Z a-z 0-9. */
export const REFERRAL_TOKEN_PATTERN = /^[A-Za-z0-9]{1,32}$/;
export const REFERRAL_TOKEN_MAX_LENGTH = 32;

/**
 * POST /api/distribution/share-tokens (approved promoter): the token for a promoter + target, made once and
 * reused (the same promoter and target always answer the same token). Not a promoter → PROMOTER_NOT_APPROVED;
 * unknown target → SHARE_TARGET_NOT_FOUND.
 */
export interface CreateShareTokenRequest {
  targetType: ShareTargetType;
  /** Product id / drop id; omit (or 0) for STORE. */
  targetId?: number;
}

export interface ShareTokenView {
  token: string;
  targetType: ShareTargetType;
  targetId: number | null;
  /** Title suggested for the share card (onShareAppMessage title). */
  shareTitle: string;
  /** Image for the card: the product photo (a /static/ path or full URL); null for STORE. */
  imageUrl: string | null;
  createdAt: string;
}

/**
 * POST /api/distribution/posters (approved promoter): everything a poster canvas needs. The mini program code
 * comes from wxacode.getUnlimited with `scene` = the token and `page` = `pages/index/index` (the landing page
 * resolves the token with GET /api/distribution/tokens/:token and opens the target). Codes are generated once and
 * cached on disk; in development the gateway draws a QR of the same token.
 */
export type CreatePosterRequest = CreateShareTokenRequest;

export interface PosterView {
  token: string;
  targetType: ShareTargetType;
  targetId: number | null;
  /** Product (or drop) name; the brand name for STORE. */
  title: string;
  imageUrl: string | null;
  /** Price shown on the poster (sale price for a product, drop price for a drop); null for STORE. */
  priceFen: number | null;
  /** The listed (crossed-out) price when different; null otherwise. */
  listPriceFen: number | null;
  promoter: { displayName: string; avatarUrl: string | null };
  /**
   * GET this (no token needed) for the PNG mini program code: `/api/distribution/codes/<token>.png`, a path on the
   * API origin (prefix TARO_APP_API_BASE in weapp; wx.downloadFile it before drawing on the canvas).
   */
  codeImageUrl: string;
  /** A line of copy for the poster (推广文案). */
  copy: string;
}

/**
 * GET /api/distribution/tokens/:token (public): what a token points at, for the landing page. A forged or unknown
 * token is not an error: `valid: false` and the visit is simply unreferred.
 */
export interface ReferralTokenView {
  valid: boolean;
  targetType: ShareTargetType | null;
  targetId: number | null;
}

/**
 * POST /api/distribution/visits (public; with a member token it also binds): a visitor opened a shared card,
 * poster code or link. Always 200/201 for a well-formed request, whatever the token: a forged or unknown token
 * answers `referred: false`. Counted once per visitor per token per day for the funnel.
 */
export interface RecordVisitRequest {
  /** Any string up to 1024 characters; anything not a live token is ignored (unreferred, never an error). */
  token: string;
  /**
   * The phone's own anonymous visitor id (kept on the phone, sent with every visit, logged in or not), so the
   * anonymous view before the silent login and the member's view after it count as one visitor.
   */
  visitorId?: string;
}

/** A visitor id: letters, digits, `-` and `_`, 8–32 characters. */
export const VISITOR_ID_PATTERN = /^[A-Za-z0-9_-]{8,32}$/;

/**
 * What the visit did to the visitor's binding. BOUND: new binding. REBOUND: taken over after protection (last
 * touch). EXTENDED: same promoter, protection renewed. KEPT: protected by another promoter (no poaching).
 * REFUSED_SELF / REFUSED_LOOP: self-referral or a loop, recorded and ignored. ANONYMOUS: no member token (a
 * view is counted; bind by calling again after login). UNREFERRED: no valid token.
 */
export const BINDING_OUTCOMES = [
  'BOUND',
  'REBOUND',
  'EXTENDED',
  'KEPT',
  'REFUSED_SELF',
  'REFUSED_LOOP',
  'ANONYMOUS',
  'UNREFERRED',
] as const;
export type BindingOutcome = (typeof BINDING_OUTCOMES)[number];

export interface RecordVisitResponse {
  referred: boolean;
  outcome: BindingOutcome;
  targetType: ShareTargetType | null;
  targetId: number | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Promoter center (推广中心) — all need an approved promoter (PROMOTER_NOT_APPROVED otherwise)

/** GET /api/distribution/me/earnings */
export interface EarningsView {
  /** Accrued, still inside the return window (待结算). */
  pendingFen: number;
  /** Settled and withdrawable (可提现); never negative — a debt shows in debtFen. */
  availableFen: number;
  /** In withdrawals not yet paid or failed (提现中). */
  withdrawingFen: number;
  /** Paid out (已提现). */
  withdrawnFen: number;
  /** Owed after refunds of settled commission; repaid by the next commissions (待抵扣). */
  debtFen: number;
  /** Ever earned, net of reversals. */
  totalEarnedFen: number;
  /** Today's withdrawals so far and the limit, for the withdraw page. */
  todayWithdrawnFen: number;
  withdrawDailyLimitFen: number;
  withdrawMinFen: number;
}

export const COMMISSION_STATUSES = ['PENDING', 'AVAILABLE', 'REVERSED'] as const;
/** PENDING: order paid, return window open. AVAILABLE: settled. REVERSED: refunded in full before settling. */
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];

export const COMMISSION_STATUS_LABELS: Record<CommissionStatus, string> = {
  PENDING: '待结算',
  AVAILABLE: '已结算',
  REVERSED: '已退回',
};

/** One order's commission for this promoter (GET /api/distribution/me/commissions). */
export interface CommissionRecordView {
  orderId: number;
  /** The order number with its middle masked. */
  orderNoMasked: string;
  /** 1 = the buyer is my customer; 2 = my team member's customer. */
  level: 1 | 2;
  /** 138****5678, or a masked nickname; never the whole identity. */
  buyerMasked: string;
  paidAt: string;
  /** The commission base: sum of the lines' allocated paid amounts (shipping excluded). */
  baseFen: number;
  /** Accrued at payment. */
  accruedFen: number;
  /** Taken back by refunds (positive number). */
  reversedFen: number;
  /** accruedFen - reversedFen */
  netFen: number;
  status: CommissionStatus;
  /** When it becomes (or became) available; null until the order completes. */
  availableAt: string | null;
  lines: CommissionLineView[];
}

export interface CommissionLineView {
  productName: string;
  quantity: number;
  paidFen: number;
  rateBp: number;
  commissionFen: number;
  reversedFen: number;
}

/** GET /api/distribution/me/commissions?status= (optional CommissionStatus) → Page<CommissionRecordView> */
export type CommissionRecordPage = Page<CommissionRecordView>;

/** GET /api/distribution/me/ledger → Page<LedgerEntryView>: the append-only ledger, newest first. */
export const LEDGER_ENTRY_TYPES = ['ACCRUE', 'REVERSE', 'SETTLE', 'CLAWBACK', 'WITHDRAW', 'WITHDRAW_RETURN'] as const;
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];

export interface LedgerEntryView {
  id: number;
  type: LedgerEntryType;
  /** Change to the pending bucket (fen, signed). */
  pendingDeltaFen: number;
  /** Change to the available bucket (fen, signed; may take it negative = a debt). */
  availableDeltaFen: number;
  orderId: number | null;
  withdrawalId: number | null;
  note: string;
  createdAt: string;
}
export type LedgerEntryPage = Page<LedgerEntryView>;

/** GET /api/distribution/me/customers → Page<CustomerView>: customers bound to me now. */
export interface CustomerView {
  memberId: number;
  /** Masked phone or nickname. */
  displayMasked: string;
  avatarUrl: string | null;
  boundAt: string;
  /** End of the protection period (保护期). */
  protectedUntil: string;
  /** Seconds left at serverTime (0 when lapsed). */
  protectionSecondsLeft: number;
  orderCount: number;
  paidFen: number;
  serverTime: string;
}
export type CustomerPage = Page<CustomerView>;

/** GET /api/distribution/me/team → Page<TeamMemberView>: promoters I invited (second level). */
export interface TeamMemberView {
  promoterId: number;
  displayName: string;
  avatarUrl: string | null;
  status: PromoterStatus;
  joinedAt: string;
  customerCount: number;
  /** My second-level commission earned through them (net). */
  myCommissionFen: number;
}
export type TeamPage = Page<TeamMemberView>;

/** GET /api/distribution/materials → Page<MaterialView>: distribution products with copy (推广素材). */
export interface MaterialView {
  productId: number;
  name: string;
  imageUrl: string;
  /** Lowest sale price of the product's SKUs. */
  priceFen: number;
  rateBp: number;
  secondRateBp: number;
  /** rate × priceFen, rounded down: what one sale at the lowest price earns. */
  estimatedCommissionFen: number;
  /** Ready-made copy lines (文案), e.g. for Moments. */
  copies: string[];
}
export type MaterialPage = Page<MaterialView>;

/**
 * GET /api/distribution/products/:productId (member token): distribution info for a product page's share button.
 * `enabled: false` for a product that is not a distribution product (no error).
 */
export interface ProductDistributionView {
  productId: number;
  enabled: boolean;
  rateBp: number;
  secondRateBp: number;
  estimatedCommissionFen: number;
  /** Whether the caller is an approved promoter (show 赚 ¥x and the poster button). */
  callerIsPromoter: boolean;
}

/** GET /api/distribution/me/shares → Page<ShareFunnelView>: per share token, views → orders → paid amount. */
export interface ShareFunnelView {
  token: string;
  targetType: ShareTargetType;
  targetId: number | null;
  title: string;
  views: number;
  /** Distinct visitors. */
  visitors: number;
  /** Paid orders attributed to this token. */
  orders: number;
  paidFen: number;
  commissionFen: number;
  createdAt: string;
}
export type ShareFunnelPage = Page<ShareFunnelView>;

// ---------------------------------------------------------------------------------------------------------------
// Withdrawals (提现)

export const WITHDRAWAL_STATUSES = ['REQUESTED', 'REVIEW', 'PAYING', 'PAID', 'FAILED', 'REJECTED'] as const;
/** REQUESTED → (REVIEW) → PAYING → PAID | FAILED (funds returned). REVIEW → REJECTED (funds returned). */
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];

export const WITHDRAWAL_STATUS_LABELS: Record<WithdrawalStatus, string> = {
  REQUESTED: '已提交',
  REVIEW: '审核中',
  PAYING: '打款中',
  PAID: '已到账',
  FAILED: '打款失败，已退回',
  REJECTED: '未通过，已退回',
};

/**
 * POST /api/distribution/me/withdrawals (approved promoter). `clientRequestId` is made once per attempt and reused
 * on retries: a retry answers the same withdrawal and never pays twice. Errors: WITHDRAW_BELOW_MINIMUM,
 * COMMISSION_INSUFFICIENT (more than available), WITHDRAW_DAILY_LIMIT, WITHDRAW_REQUEST_CONFLICT (same id,
 * different amount). Payout goes to the member's WeChat change (商家转账到零钱).
 */
export interface CreateWithdrawalRequest {
  amountFen: number;
  /** 8-64 characters of A-Z a-z 0-9 _ - (CLIENT_REQUEST_ID_PATTERN). */
  clientRequestId: string;
}

export interface WithdrawalView {
  id: number;
  clientRequestId: string;
  amountFen: number;
  status: WithdrawalStatus;
  /** Why it failed or was rejected (readable Chinese). */
  failureReason: string | null;
  requestedAt: string;
  paidAt: string | null;
  /** WeChat's transfer bill number once accepted. */
  transferBillNo: string | null;
  /**
   * When WeChat needs the payee to confirm (the newer transfer-bills API), the package for
   * wx.requestMerchantTransfer; null otherwise.
   */
  packageInfo: string | null;
  /**
   * Everything wx.requestMerchantTransfer needs when the payee must confirm (packageInfo set): the merchant id,
   * the mini program's appId and the package. Null otherwise.
   */
  merchantTransfer: { mchId: string; appId: string; package: string } | null;
}

/** GET /api/distribution/me/withdrawals → Page<WithdrawalView>, newest first. */
export type WithdrawalPage = Page<WithdrawalView>;

// ---------------------------------------------------------------------------------------------------------------
// Operators (@Roles('operator'))

/** GET /api/admin/distribution/promoters?status= → Page<AdminPromoterView> */
export interface AdminPromoterView {
  id: number;
  memberId: number | null;
  staffId: number | null;
  source: PromoterSource;
  status: PromoterStatus;
  displayName: string;
  phoneMasked: string | null;
  realName: string | null;
  inviterPromoterId: number | null;
  appliedAt: string;
  approvedAt: string | null;
  customerCount: number;
  availableFen: number;
  pendingFen: number;
  /** Why the application was refused (REJECTED). */
  rejectReason: string | null;
  /** Orders attributed to the promoter (first level) and what their buyers paid for the lines (fen). */
  orderCount: number;
  paidFen: number;
  /** Being paid out now, and paid out so far. */
  withdrawingFen: number;
  withdrawnFen: number;
  /** Clawed-back commission not yet earned back (a negative available balance, shown positive); 0 when none. */
  debtFen: number;
}

/** GET /api/admin/distribution/promoters?status=&q= (q: part of the name, or the promoter id). */
export interface AdminPromoterQuery {
  status?: PromoterStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** GET /api/admin/distribution/promoters/:id/customers → Page<AdminPromoterCustomerView> (the current bindings). */
export interface AdminPromoterCustomerView {
  memberId: number;
  phoneMasked: string | null;
  boundAt: string;
  protectedUntil: string;
}

/**
 * GET /api/admin/distribution/customers/:memberId/bindings: who a customer is bound to now and every binding
 * decision about them, oldest first (to settle a dispute between promoters).
 */
export interface AdminCustomerBindingHistory {
  memberId: number;
  phoneMasked: string | null;
  current: { promoterId: number; promoterName: string; boundAt: string; protectedUntil: string } | null;
  events: AdminBindingEventView[];
}

export interface AdminBindingEventView {
  id: number;
  at: string;
  outcome: BindingOutcome | 'ORDER_EXTENDED';
  promoterId: number;
  promoterName: string;
  previousPromoterId: number | null;
  previousPromoterName: string | null;
  protectedUntil: string | null;
}

/** POST /api/admin/distribution/promoters/:id/approve → AdminPromoterView (PENDING/REJECTED/DISABLED → APPROVED). */
/** POST /api/admin/distribution/promoters/:id/reject → AdminPromoterView (PENDING → REJECTED). */
/** POST /api/admin/distribution/promoters/:id/disable → AdminPromoterView (APPROVED → DISABLED). */
export interface RejectPromoterRequest {
  reason: string;
}

/**
 * PUT /api/admin/distribution/products/:productId: make a product a distribution product (or not) with its rates.
 * rateBp + secondRateBp ≤ maxTotalRateBp (COMMISSION_RATE_INVALID otherwise).
 */
export interface SetProductDistributionRequest {
  enabled: boolean;
  /** 0..5000; omit to follow the brand's rate in force when each order is paid. */
  rateBp?: number;
  /** 0..5000; omit to follow the brand's rate in force when each order is paid. */
  secondRateBp?: number;
}

/** GET /api/admin/distribution/products → Page<AdminProductDistributionView> */
export interface AdminProductDistributionView {
  productId: number;
  name: string;
  enabled: boolean;
  /** The rates as they apply now: the product's own, or the brand's in force (品牌规则) where it has none. */
  rateBp: number;
  secondRateBp: number;
  /** No own rates: each order takes the brand's rates in force when it is paid. */
  followsBrandRates: boolean;
  updatedAt: string;
}

/** GET /api/admin/distribution/withdrawals?status= → Page<AdminWithdrawalView> */
export interface AdminWithdrawalView extends WithdrawalView {
  promoterId: number;
  promoterName: string;
  reviewedAt: string | null;
  /** Our out_bill_no with WeChat (the same on every attempt). */
  outBillNo: string;
  payoutAttempts: number;
  /** When it reached PAID, FAILED or REJECTED. */
  finishedAt: string | null;
  /** FAILED and REJECTED withdrawals returned the amount to the promoter's available balance (one ledger entry). */
  returnedFen: number;
}

/**
 * GET /api/admin/distribution/withdrawals?status=&promoterId=&minFen=&maxFen=&from=&to= (requested in [from, to)),
 * newest first.
 */
export interface AdminWithdrawalQuery {
  status?: WithdrawalStatus;
  promoterId?: number;
  minFen?: number;
  maxFen?: number;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** POST /api/admin/distribution/withdrawals/:id/approve → AdminWithdrawalView (REVIEW → PAYING → paid out). */
/** POST /api/admin/distribution/withdrawals/:id/reject {reason} → AdminWithdrawalView (REVIEW → REJECTED). */
export interface RejectWithdrawalRequest {
  reason: string;
}

/** Result of a settlement run (POST /api/admin/distribution/settlement/run, and the dev trigger). */
export interface SettlementRunResult {
  /** Commission entries made available. */
  settled: number;
  /** Fen moved from pending to available. */
  settledFen: number;
  ranAt: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Development only (404 when NODE_ENV=production)

/** GET /api/dev/clock; POST /api/dev/clock/advance {ms} moves the server clock forward (never back). */
export interface DevClockView {
  now: string;
  offsetMs: number;
}

export interface DevClockAdvanceRequest {
  /** 1..366 days in ms. */
  ms: number;
}

/** POST /api/dev/jobs/commission-settlement/run → SettlementRunResult (no token). */
/**
 * POST /api/dev/distribution/transfers/mode {mode}: make the development transfer gateway succeed or fail
 * (FAIL = the next payouts are refused by the "bank", so the funds return).
 */
export interface DevTransferModeRequest {
  mode: 'SUCCEED' | 'FAIL';
}
