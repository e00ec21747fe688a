import {
  DEFAULT_BRAND_RULES,
  formatFen,
  parseYuan,
  type BrandRulesDraft,
  type Fen,
  type TierCode,
} from '@tidepool/shared';
import type { ApiErrorDetail } from '@tidepool/shared';

/** The 新建版本 form's values: yuan and points-per-yuan as people type them, the day and time in the brand zone. */
export interface RulesFormValues {
  effectiveDate: string;
  effectiveTime: string;
  note?: string;
  tiers: { code: TierCode; name: string; minGrowth: number; pointsPerYuan: number; memberDayDiscountYuan: string }[];
  memberDayWeekday: number;
  memberDayThresholdYuan: string;
  birthdayMultiplier: number;
  birthdayCouponYuan: string;
  returnWindowDays: number;
  orderAutoConfirmDays: number;
  protectionDays: number;
  orderProtectionDays: number;
  /** Commission rates in percent as operators say them (10 = 10% = 1000 bp). */
  commissionDirectPercent: number;
  commissionIndirectPercent: number;
  withdrawMinYuan: string;
  withdrawDailyLimitYuan: string;
  withdrawReviewThresholdYuan: string;
  signupGiftEnabled: boolean;
  signupGiftTitle: string;
  signupGiftDescription: string;
  signupGiftValidDays: number;
}

const yuanText = (amount: number) => formatFen(amount as Fen).replace('¥', '');

export function draftToForm(draft: BrandRulesDraft): Omit<RulesFormValues, 'effectiveDate' | 'effectiveTime'> {
  return {
    tiers: draft.tiers.map((t) => ({
      code: t.code,
      name: t.name,
      minGrowth: t.minGrowth,
      pointsPerYuan: t.pointsPerYuanTenths / 10,
      memberDayDiscountYuan: yuanText(t.memberDayDiscountFen),
    })),
    memberDayWeekday: draft.memberDay.weekday,
    memberDayThresholdYuan: yuanText(draft.memberDay.thresholdFen),
    birthdayMultiplier: draft.birthdayMultiplier,
    birthdayCouponYuan: yuanText(draft.birthdayCouponFen),
    returnWindowDays: draft.returnWindowDays,
    orderAutoConfirmDays: draft.orderAutoConfirmDays,
    protectionDays: draft.protectionDays,
    orderProtectionDays: draft.orderProtectionDays,
    ...moneyToForm(draft),
  };
}

// Every draft the console starts from is the server's (draftOf the rules in force), which carries both.
function moneyToForm(draft: BrandRulesDraft) {
  const d = draft.distribution ?? DEFAULT_BRAND_RULES.distribution;
  const gift = draft.signupGift ?? DEFAULT_BRAND_RULES.signupGift;
  return {
    commissionDirectPercent: d.directRateBp / 100,
    commissionIndirectPercent: d.indirectRateBp / 100,
    withdrawMinYuan: yuanText(d.withdrawMinFen),
    withdrawDailyLimitYuan: yuanText(d.withdrawDailyLimitFen),
    withdrawReviewThresholdYuan: yuanText(d.withdrawReviewThresholdFen),
    signupGiftEnabled: gift.enabled,
    signupGiftTitle: gift.title,
    signupGiftDescription: gift.description,
    signupGiftValidDays: gift.validDays,
  };
}

/** Form values → the API's draft; throws a RangeError naming the form field for an amount it cannot read. */
export function formToDraft(values: Omit<RulesFormValues, 'effectiveDate' | 'effectiveTime'>): BrandRulesDraft {
  const fen = (text: string, field: string) => {
    try {
      return parseYuan(String(text));
    } catch {
      throw new FormFieldError(field, '请输入正确的金额（最多两位小数）');
    }
  };
  return {
    tiers: values.tiers.map((t, i) => ({
      code: t.code,
      name: t.name,
      minGrowth: Number(t.minGrowth),
      pointsPerYuanTenths: Math.round(Number(t.pointsPerYuan) * 10),
      memberDayDiscountFen: fen(t.memberDayDiscountYuan, `tiers.${i}.memberDayDiscountYuan`),
    })),
    memberDay: {
      weekday: Number(values.memberDayWeekday),
      thresholdFen: fen(values.memberDayThresholdYuan, 'memberDayThresholdYuan'),
    },
    birthdayMultiplier: Number(values.birthdayMultiplier),
    birthdayCouponFen: fen(values.birthdayCouponYuan, 'birthdayCouponYuan'),
    returnWindowDays: Number(values.returnWindowDays),
    orderAutoConfirmDays: Number(values.orderAutoConfirmDays),
    protectionDays: Number(values.protectionDays),
    orderProtectionDays: Number(values.orderProtectionDays),
    distribution: {
      directRateBp: Math.round(Number(values.commissionDirectPercent) * 100),
      indirectRateBp: Math.round(Number(values.commissionIndirectPercent) * 100),
      withdrawMinFen: fen(values.withdrawMinYuan, 'withdrawMinYuan'),
      withdrawDailyLimitFen: fen(values.withdrawDailyLimitYuan, 'withdrawDailyLimitYuan'),
      withdrawReviewThresholdFen: fen(values.withdrawReviewThresholdYuan, 'withdrawReviewThresholdYuan'),
    },
    signupGift: {
      enabled: Boolean(values.signupGiftEnabled),
      title: String(values.signupGiftTitle ?? ''),
      description: String(values.signupGiftDescription ?? ''),
      validDays: Number(values.signupGiftValidDays),
    },
  };
}

export class FormFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The API's field (`draft.tiers.0.memberDayDiscountFen`) as the form's name path (['tiers', 0, '…Yuan']). */
export function formFieldOf(apiField: string): (string | number)[] {
  const path = apiField.replace(/^draft\./, '');
  const renamed: Record<string, string> = {
    'memberDay.thresholdFen': 'memberDayThresholdYuan',
    'memberDay.weekday': 'memberDayWeekday',
    birthdayCouponFen: 'birthdayCouponYuan',
    effectiveFrom: 'effectiveDate',
    'distribution.directRateBp': 'commissionDirectPercent',
    'distribution.indirectRateBp': 'commissionIndirectPercent',
    'distribution.withdrawMinFen': 'withdrawMinYuan',
    'distribution.withdrawDailyLimitFen': 'withdrawDailyLimitYuan',
    'distribution.withdrawReviewThresholdFen': 'withdrawReviewThresholdYuan',
    'signupGift.enabled': 'signupGiftEnabled',
    'signupGift.title': 'signupGiftTitle',
    'signupGift.description': 'signupGiftDescription',
    'signupGift.validDays': 'signupGiftValidDays',
  };
  if (renamed[path]) return [renamed[path]];
  const tier = /^tiers\.(\d+)\.(\w+)$/.exec(path);
  if (tier) {
    const field =
      { memberDayDiscountFen: 'memberDayDiscountYuan', pointsPerYuanTenths: 'pointsPerYuan' }[tier[2]] ?? tier[2];
    return ['tiers', Number(tier[1]), field];
  }
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Server refusals as antd `form.setFields` entries, one message per field. */
export function fieldErrorsFor(details: ApiErrorDetail[]): { name: (string | number)[]; errors: string[] }[] {
  const byField = new Map<string, string>();
  for (const d of details) if (!byField.has(d.field)) byField.set(d.field, d.reason);
  return [...byField].map(([field, reason]) => ({ name: formFieldOf(field), errors: [reason] }));
}

export const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
