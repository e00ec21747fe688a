import {
  AFTER_SALE_STATE_LABELS,
  type AfterSaleLineOption,
  type AfterSaleState,
  refundAmountFor,
} from '@tidepool/shared';

/** The after-sale pages (their routes live here so the order pages stay as they are). */
export const AFTER_SALE_ROUTES = {
  apply: '/packages/order/pages/after-sale-apply/index',
  list: '/packages/order/pages/after-sales/index',
  detail: '/packages/order/pages/after-sale-detail/index',
} as const;

export const afterSaleApplyUrl = (orderId: number) => `${AFTER_SALE_ROUTES.apply}?orderId=${orderId}`;
export const afterSaleDetailUrl = (id: number) => `${AFTER_SALE_ROUTES.detail}?id=${id}`;

/** A positive integer route parameter, or null. */
export function parseId(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 && id <= 2_147_483_647 ? id : null;
}

/** Units picked per line on the apply page (absent or 0: not picked). */
export type Picks = Record<number, number>;

/** What the picked units refund, line by line the way the server computes it (largest remainder). */
export function previewRefund(lines: readonly AfterSaleLineOption[], picks: Picks): number {
  let total = 0;
  for (const line of lines) {
    const units = picks[line.lineId] ?? 0;
    if (units < 1 || units > line.refundableQuantity) continue;
    total += refundAmountFor(line, units);
  }
  return total;
}

/** Picks clamped to what each line still allows (after the options were read again). */
export function clampPicks(lines: readonly AfterSaleLineOption[], picks: Picks): Picks {
  const next: Picks = {};
  for (const line of lines) {
    const units = Math.min(picks[line.lineId] ?? 0, line.refundableQuantity);
    if (units > 0) next[line.lineId] = units;
  }
  return next;
}

export const AFTER_SALE_STATE_HINT: Record<AfterSaleState, string> = {
  PENDING_REVIEW: '商家将在 1-2 个工作日内处理，审核前可撤销申请',
  AWAITING_RETURN: '商家已同意，请寄回商品并填写快递单号',
  REFUNDING: '退款处理中，将原路退回到付款账户',
  REFUNDED: '退款已原路退回，积分和成长值已按比例扣回',
  REJECTED: '申请未通过，如有疑问请联系客服',
  CANCELLED: '您已撤销本次申请',
};

export function afterSaleStateLabel(state: AfterSaleState): string {
  return AFTER_SALE_STATE_LABELS[state];
}
