import type { CouponTemplate } from './coupon-template.entity';

export type DefaultTemplate = Omit<
  CouponTemplate,
  | 'id'
  | 'createdAt'
  | 'version'
  | 'claimable'
  | 'claimPerMember'
  | 'claimTotal'
  | 'claimedCount'
  | 'validFrom'
  | 'validUntil'
  | 'status'
>;

/** Templates the built-in rules issue (docs/domain.md); created on boot when missing, then operator-editable. */
export const BIRTHDAY_TEMPLATE: DefaultTemplate = {
  code: 'BIRTHDAY_8',
  name: '生日专享8元无门槛券',
  kind: 'AMOUNT_OFF',
  amountOffFen: 800,
  payRateBp: null,
  maxDiscountFen: null,
  thresholdFen: 0,
  scope: { kind: 'ALL' },
  stacking: 'STACKABLE',
  // From the birthday's local midnight: the birthday week, so a member who learns of it in the evening can use it.
  validDays: 7,
};

/** A generic 满99减20 the demo operator can hand out. */
export const DEMO_99_MINUS_20: DefaultTemplate = {
  code: 'FULL_99_MINUS_20',
  name: '满99减20',
  kind: 'AMOUNT_OFF',
  amountOffFen: 2000,
  payRateBp: null,
  maxDiscountFen: null,
  thresholdFen: 9900,
  scope: { kind: 'ALL' },
  stacking: 'EXCLUSIVE',
  validDays: 30,
};

/**
 * The golden-window campaign's coupon (campaigns module): 88折 on the whole order, no threshold and no cap, valid
 * a short week so the second visit comes soon; the campaign states its own validity (7 days) as well.
 */
export const GOLDEN_WINDOW_TEMPLATE: DefaultTemplate = {
  code: 'GOLDEN_88',
  name: '新客复购88折券',
  kind: 'PERCENT',
  amountOffFen: null,
  payRateBp: 8800,
  maxDiscountFen: null,
  thresholdFen: 0,
  scope: { kind: 'ALL' },
  stacking: 'EXCLUSIVE',
  validDays: 7,
};

export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  BIRTHDAY_TEMPLATE,
  DEMO_99_MINUS_20,
  GOLDEN_WINDOW_TEMPLATE,
];
