import type { TierCode } from '../rules/loyalty/tiers';
import type { SignupChannel, SignupGift } from '../rules/members/signup-gifts';
import type { CouponView } from './coupons.contract';

/** The privacy terms a member consents to at signup; bump when the text changes (consent is recorded with it). */
export const PRIVACY_TERMS_VERSION = '2026-11-01';

/** POST /api/members/signup (成为会员). Idempotent: signing up again returns the same member unchanged. */
export interface SignupRequest {
  /** The code from the `getPhoneNumber` button (single use, exchanged by the server). */
  phoneCode: string;
  /** Must equal the current PRIVACY_TERMS_VERSION: the member saw and accepted these terms. */
  consentVersion: string;
  /** Optional MM-DD; once set the member cannot change it (birthday perks must not be farmed). */
  birthday?: string;
  /** The `scene` token of a store (or staff) signup code the member scanned; attributes the signup. */
  signupToken?: string;
}

/** PUT /api/members/me/birthday: only while no birthday is set. */
export interface SetBirthdayRequest {
  birthday: string;
}

export interface MemberTierView {
  code: TierCode;
  name: string;
}

/** GET /api/members/me: everything the member center (我的) card shows. */
export interface MemberCenterResponse {
  signedUp: boolean;
  /** 138****5678; the full number is only in the personal-data export. */
  phoneMasked: string | null;
  birthday: string | null;
  signedUpAt: string | null;
  /** The store the member joined at (in-store signup), if any. */
  signupStoreName: string | null;
  tier: MemberTierView;
  growth: number;
  nextTier: (MemberTierView & { minGrowth: number }) | null;
  growthToNextTier: number;
  /** Progress to the next tier, 0..1000. */
  tierProgressPermille: number;
  points: number;
  /** Coupons and vouchers that can be used now. */
  couponCount: number;
  memberDay: MemberDayHint;
}

export interface MemberDayHint {
  /** Today is member day in the brand's home time zone. */
  today: boolean;
  /** e.g. 今天是会员日：满68元立减6元; null when not member day. */
  hint: string | null;
}

/** POST /api/members/me/code-credential: a fresh secret for the rotating member code (replaces the old one). */
export interface MemberCodeCredentialResponse {
  handle: string;
  secret: string;
  stepSeconds: number;
  /** Server time when issued (ISO), so the phone can correct its clock skew. */
  serverTime: string;
}

/** GET /api/signup-codes/:token (public): what the signup landing page shows after a scan. */
export interface SignupCodeInfo {
  token: string;
  storeName: string;
  /** Staff display name for a staff code; null for the store's own code. */
  staffName: string | null;
}

/** GET /api/stores/:storeId/signup-code?staff=1: the printable code for a till. */
export interface StoreSignupCodeResponse {
  token: string;
  /** Mini program path the code opens, with the token as `scene`. */
  page: string;
  /** The code image as a data URL (PNG from wxacode.getUnlimited, or the dev gateway's QR). */
  imageDataUrl: string;
  /** The H5 link with the same token, for the browser demo. */
  h5Url: string;
}

export const VOUCHER_STATUSES = ['AVAILABLE', 'REDEEMED', 'EXPIRED'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

export interface VoucherView {
  id: number;
  title: string;
  description: string;
  status: VoucherStatus;
  issuedAt: string;
  expiresAt: string | null;
  redeemedAt: string | null;
  redeemedStoreName: string | null;
}

/** GET /api/members/me/vouchers?status= */
export interface VoucherListResponse {
  items: VoucherView[];
}

/** POST /api/store-mode/scans: a cashier scanned (or typed) a member code. */
export interface MemberCodeScanRequest {
  code: string;
}

/** What a cashier sees about the member in front of them; no id, no full phone. */
export interface StoreMemberSummary {
  /** Acts on this member (redeem, till purchase) go through the scan, which expires after a few minutes. */
  scanId: number;
  scanExpiresAt: string;
  phoneMasked: string | null;
  tier: MemberTierView;
  growth: number;
  points: number;
  memberDayToday: boolean;
  birthdayToday: boolean;
  vouchers: VoucherView[];
  /** Coupons usable now (the cashier can apply them to a till purchase). */
  coupons: CouponView[];
  /** Vouchers plus coupons usable here and now: the card's 可用券, counted from the two lists above. */
  usableCount: number;
}

/** POST /api/store-mode/vouchers/:voucherId/redeem */
export interface RedeemVoucherRequest {
  scanId: number;
}

/** GET /api/members/me/export: the member's personal data (PIPL), as JSON. */
export interface PersonalDataExport {
  exportedAt: string;
  member: {
    phone: string | null;
    birthday: string | null;
    consentVersion: string | null;
    consentedAt: string | null;
    signedUpAt: string | null;
    signupStoreName: string | null;
    createdAt: string;
    lastLoginAt: string;
  };
  vouchers: VoucherView[];
  memberCodeScans: { at: string; storeName: string }[];
}

/** The payload of `member.signed-up` (catalogue: shared/src/events), written in the signup transaction. */
export interface MemberSignedUpEvent {
  memberId: number;
  channel: SignupChannel;
  /** The gifts the signup rule gave (shared/rules/members/signup-gifts.ts); consumers issue theirs. */
  gifts: SignupGift[];
  /** The store-zone date of the signup, YYYY-MM-DD. */
  localDate: string;
}

/** GET /api/admin/members?phone=<full phone>: the member found, phone masked as everywhere staff-facing. */
export interface OperatorMemberSummary {
  id: number;
  phoneMasked: string | null;
  tier: MemberTierView;
  signedUpAt: string | null;
}

/** What an operator sees of one member: phone masked, as in every staff-facing response. */
export interface OperatorMemberView {
  id: number;
  phoneMasked: string | null;
  signedUpAt: string | null;
  signupStoreId: number | null;
  tier: MemberTierView;
  points: number;
  growth: number;
}

export interface OperatorMemberSearchResponse {
  items: OperatorMemberSummary[];
}

/** GET /api/admin/members/:id/points: one line of a member's points ledger, as the console lists it. */
export interface AdminPointsEntryView {
  id: number;
  kind: string;
  /** Signed change. */
  points: number;
  reason: string;
  availableAfter: number;
  debtAfter: number;
  /** UTC ISO instant. */
  createdAt: string;
}

/** POST /api/admin/members/:id/points-adjustments: an operator's correction, through the ledger. */
export interface AdminPointsAdjustmentRequest {
  /** Signed, non-zero; a deduction may not take the balance below zero (debt only arises from refunds). */
  points: number;
  reason: string;
  /** Idempotency: the same id again answers the first adjustment's outcome and moves nothing. */
  requestId: string;
}

export interface AdminPointsAdjustmentResponse {
  entryId: number;
  points: number;
  available: number;
}

/** GET /api/admin/members/:id/growth: the tier, growth and the growth ledger (成长值明细), newest first. */
export interface AdminGrowthEntryView {
  id: number;
  /** EARN (a purchase), REVERSE (its refund) or ADJUST (an operator's correction). */
  kind: string;
  /** Signed change. */
  growth: number;
  growthAfter: number;
  tierAfter: string;
  /** The tier's name under the brand rules in force now. */
  tierAfterName: string;
  reason: string;
  /** UTC ISO instant. */
  createdAt: string;
}

/** POST /api/admin/members/:id/growth-adjustments: an operator's correction, through the growth ledger. */
export interface AdminGrowthAdjustmentRequest {
  /** Signed, non-zero; a deduction may not take growth below zero. */
  growth: number;
  reason: string;
  /** Idempotency: the same id again answers the first adjustment's outcome and moves nothing. */
  requestId: string;
}

export interface AdminGrowthAdjustmentResponse {
  entryId: number;
  growth: number;
  growthAfter: number;
  tier: MemberTierView;
}

/** GET /api/admin/members/:id/points-lots: one lot of points (积分批次) and its expiry. */
export interface AdminPointsLotView {
  id: number;
  points: number;
  remaining: number;
  /** ACTIVE, SPENT or EXPIRED. */
  status: string;
  /** UTC ISO instant: the first instant the lot can no longer be spent. */
  expiresAt: string;
  createdAt: string;
}

/** GET /api/admin/members/:id/consents: the privacy consent the member gave, and when. */
export interface AdminMemberConsentsView {
  privacyConsentVersion: string | null;
  /** UTC ISO instant. */
  privacyConsentedAt: string | null;
  signedUpAt: string | null;
  /** The shopper asked for the account to be deleted and the request waits in the queue. */
  deletionRequestedAt: string | null;
  deletedAt: string | null;
}

export const MEMBER_DELETION_REQUEST_STATUSES = ['PENDING', 'DONE'] as const;
export type MemberDeletionRequestStatus = (typeof MEMBER_DELETION_REQUEST_STATUSES)[number];

/** GET /api/admin/members/deletion-requests: a shopper's request to delete the account (PIPL), as queued. */
export interface AdminMemberDeletionRequestView {
  id: number;
  memberId: number;
  phoneMasked: string | null;
  status: MemberDeletionRequestStatus;
  requestedAt: string;
  processedAt: string | null;
  processedBy: string | null;
}

/** POST /api/admin/members/deletion-requests/:id/process: the operator retypes the member id to confirm. */
export interface AdminProcessDeletionRequest {
  confirmMemberId: number;
}

/** POST /api/members/me/deletion-request: the shopper's request, queued for an operator. */
export interface MemberDeletionRequestResponse {
  requestedAt: string;
  status: MemberDeletionRequestStatus;
}
