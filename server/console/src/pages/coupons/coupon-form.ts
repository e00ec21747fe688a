import {
  type AdminCouponTemplateRequest,
  type AdminCouponTemplateView,
  formatDate,
  zonedDayRange,
} from '@tidepool/shared';
import type { Dayjs } from 'dayjs';

/** What the 优惠券 form holds: yuan and percent as people type them, validity and scope as choices. */
export interface CouponFormValues {
  name: string;
  kind: 'AMOUNT_OFF' | 'PERCENT';
  /** 减 X 元 */
  amountOffYuan?: number | null;
  /** 打 N 折 as the share paid in percent: 88 = 88折 (8.8折). */
  payPercent?: number | null;
  /** 最高减 X 元 (percent only); empty = no cap. */
  maxDiscountYuan?: number | null;
  /** 无门槛 or 满 X 元可用. */
  thresholdMode: 'NONE' | 'MIN';
  thresholdYuan?: number | null;
  scopeKind: 'ALL' | 'CATEGORIES' | 'PRODUCTS';
  scopeIds?: number[];
  stacking: 'EXCLUSIVE' | 'STACKABLE';
  validity: 'DAYS' | 'DATES';
  validDays?: number | null;
  /** Two days (YYYY-MM-DD strings or dayjs) in the brand's zone, both included. */
  validRange?: [Dayjs | string, Dayjs | string] | null;
  claimable: boolean;
  claimPerMember?: number | null;
  /** 总库存; empty = no limit. */
  claimTotal?: number | null;
}

export const NEW_COUPON: CouponFormValues = {
  name: '',
  kind: 'AMOUNT_OFF',
  thresholdMode: 'MIN',
  scopeKind: 'ALL',
  stacking: 'EXCLUSIVE',
  validity: 'DAYS',
  validDays: 30,
  claimable: false,
  claimPerMember: 1,
  claimTotal: null,
};

const fen = (yuan: number | null | undefined): number | null =>
  yuan === null || yuan === undefined ? null : Math.round(yuan * 100);
const dayOf = (value: Dayjs | string): string =>
  typeof value === 'string' ? value.slice(0, 10) : value.format('YYYY-MM-DD');

/** The request the server takes; fixed dates run from the first day's start to the last day's end, brand zone. */
export function toTemplateRequest(values: CouponFormValues, timeZone: string): AdminCouponTemplateRequest {
  const fixed =
    values.validity === 'DATES' && values.validRange
      ? zonedDayRange(dayOf(values.validRange[0]), dayOf(values.validRange[1]), timeZone)
      : null;
  return {
    name: values.name.trim(),
    kind: values.kind,
    amountOffFen: values.kind === 'AMOUNT_OFF' ? fen(values.amountOffYuan) : null,
    payRateBp: values.kind === 'PERCENT' && values.payPercent ? Math.round(values.payPercent * 100) : null,
    maxDiscountFen: values.kind === 'PERCENT' ? fen(values.maxDiscountYuan) : null,
    thresholdFen: values.thresholdMode === 'MIN' ? (fen(values.thresholdYuan) ?? 0) : 0,
    scope:
      values.scopeKind === 'ALL'
        ? { kind: 'ALL' }
        : values.scopeKind === 'CATEGORIES'
          ? { kind: 'CATEGORIES', categoryIds: values.scopeIds ?? [] }
          : { kind: 'PRODUCTS', productIds: values.scopeIds ?? [] },
    stacking: values.stacking,
    validDays: values.validity === 'DAYS' ? (values.validDays ?? null) : null,
    validFrom: values.validity === 'DATES' ? (fixed?.from.toISOString() ?? null) : null,
    validUntil: values.validity === 'DATES' ? (fixed?.to.toISOString() ?? null) : null,
    claimable: values.claimable,
    claimPerMember: values.claimPerMember ?? 1,
    claimTotal: values.claimTotal ?? null,
  };
}

/** A template back into the form (editing). */
export function toFormValues(view: AdminCouponTemplateView, timeZone: string): CouponFormValues {
  const scope = view.scope;
  return {
    name: view.name,
    kind: view.kind,
    amountOffYuan: view.amountOffFen === null ? null : view.amountOffFen / 100,
    payPercent: view.payRateBp === null ? null : view.payRateBp / 100,
    maxDiscountYuan: view.maxDiscountFen === null ? null : view.maxDiscountFen / 100,
    thresholdMode: view.thresholdFen > 0 ? 'MIN' : 'NONE',
    thresholdYuan: view.thresholdFen > 0 ? view.thresholdFen / 100 : null,
    scopeKind: scope.kind,
    scopeIds:
      scope.kind === 'CATEGORIES' ? [...scope.categoryIds] : scope.kind === 'PRODUCTS' ? [...scope.productIds] : [],
    stacking: view.stacking,
    validity: view.validFrom && view.validUntil ? 'DATES' : 'DAYS',
    validDays: view.validDays,
    // The end is exclusive (the next day's start): the last day shown is the day before it.
    validRange:
      view.validFrom && view.validUntil
        ? [
            formatDate(view.validFrom, timeZone),
            formatDate(new Date(Date.parse(view.validUntil) - 1).toISOString(), timeZone),
          ]
        : null,
    claimable: view.claimable,
    claimPerMember: view.claimPerMember,
    claimTotal: view.claimTotal,
  };
}

/** The form field that shows a server field's error (the server speaks fen and basis points). */
const FORM_FIELD: Record<string, keyof CouponFormValues> = {
  amountOffFen: 'amountOffYuan',
  payRateBp: 'payPercent',
  maxDiscountFen: 'maxDiscountYuan',
  thresholdFen: 'thresholdYuan',
  validFrom: 'validRange',
  validUntil: 'validRange',
  validDays: 'validDays',
  scope: 'scopeIds',
  claimTotal: 'claimTotal',
  claimPerMember: 'claimPerMember',
  name: 'name',
  kind: 'kind',
  stacking: 'stacking',
};

/** Server field errors as `form.setFields` entries; a field the form does not have lands on `name`'s neighbour list. */
export function formFieldErrors(errors: Record<string, string>): { name: keyof CouponFormValues; errors: string[] }[] {
  const byField = new Map<keyof CouponFormValues, string[]>();
  for (const [field, reason] of Object.entries(errors)) {
    const target = FORM_FIELD[field.split('.')[0] ?? field];
    if (!target) continue;
    byField.set(target, [...(byField.get(target) ?? []), reason]);
  }
  return [...byField].map(([name, list]) => ({ name, errors: list }));
}

/** How the terms read in a list: 满99减20 · 全部商品 · 领取后 30 天有效. */
export function scopeText(view: Pick<AdminCouponTemplateView, 'scope'>): string {
  switch (view.scope.kind) {
    case 'ALL':
      return '全部商品';
    case 'CATEGORIES':
      return `指定类目（${view.scope.categoryIds.length} 个）`;
    case 'PRODUCTS':
      return `指定商品（${view.scope.productIds.length} 个）`;
  }
}

export function validityText(
  view: Pick<AdminCouponTemplateView, 'validDays' | 'validFrom' | 'validUntil'>,
  timeZone: string,
): string {
  if (view.validFrom && view.validUntil) {
    const last = new Date(Date.parse(view.validUntil) - 1).toISOString();
    return `${formatDate(view.validFrom, timeZone)} 至 ${formatDate(last, timeZone)}`;
  }
  return `发放后 ${view.validDays} 天内有效`;
}
