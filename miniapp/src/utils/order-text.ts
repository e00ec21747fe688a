import {
  ERROR_CODES,
  fen,
  formatFen,
  isErrorCode,
  type CheckoutCouponOption,
  type Fulfilment,
  type OrderState,
} from '@tidepool/shared';

/** What the order pages say about states, tabs and coupons. */

export const ORDER_STATE_LABEL: Record<OrderState, string> = {
  PENDING_PAYMENT: '待付款',
  PAID: '已支付',
  FULFILLED: '已发货',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
};

/** A fulfilled pickup order was picked up, not shipped. */
export function orderStateLabel(state: OrderState, fulfilment?: Fulfilment): string {
  if (state === 'FULFILLED' && fulfilment === 'PICKUP') return '已提货';
  return ORDER_STATE_LABEL[state];
}

/** The detail page's banner line under the state. */
export function orderStateHint(state: OrderState, fulfilment: Fulfilment): string {
  switch (state) {
    case 'PENDING_PAYMENT':
      return '超时未支付的订单将自动取消';
    case 'PAID':
      return fulfilment === 'PICKUP' ? '请到所选门店出示自提码提货' : '商家正在备货，请耐心等待发货';
    case 'FULFILLED':
      return fulfilment === 'PICKUP' ? '商品已在门店提取' : '商品已发出，请注意查收';
    case 'COMPLETED':
      return '感谢您的购买，欢迎再次光临';
    case 'CANCELLED':
      return '订单已取消，商品库存和使用的优惠券已退回';
  }
}

/** What the amount of an order is called: 应付 while unpaid, 实付 once paid, 订单金额 when it was never paid. */
export function payableLabel(state: OrderState): string {
  switch (state) {
    case 'PENDING_PAYMENT':
      return '应付';
    case 'CANCELLED':
      return '订单金额';
    case 'PAID':
    case 'FULFILLED':
    case 'COMPLETED':
      return '实付';
  }
}

/** "139****9000": the phone on an address as order pages show it. */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

export const FULFILMENT_LABEL: Record<Fulfilment, string> = { SHIP: '快递配送', PICKUP: '门店自提' };

/**
 * The order list's tabs: 全部 and one per stage a shopper looks for, filtered on the server (`?state=`); 售后 is a
 * page of its own (after-sales requests), so its tab navigates there.
 */
export type OrderTabKey = 'ALL' | 'PENDING_PAYMENT' | 'PAID' | 'FULFILLED' | 'COMPLETED' | 'AFTER_SALES';

export interface OrderTab {
  key: OrderTabKey;
  title: string;
  /** The server filter; none for 全部. */
  state?: OrderState;
  /** A tab that opens another page instead of filtering. */
  url?: string;
}

export const AFTER_SALES_URL = '/packages/order/pages/after-sales/index';

export const ORDER_TABS: readonly OrderTab[] = [
  { key: 'ALL', title: '全部' },
  { key: 'PENDING_PAYMENT', title: '待付款', state: 'PENDING_PAYMENT' },
  { key: 'PAID', title: '待发货', state: 'PAID' },
  { key: 'FULFILLED', title: '待收货', state: 'FULFILLED' },
  { key: 'COMPLETED', title: '已完成', state: 'COMPLETED' },
  { key: 'AFTER_SALES', title: '售后', url: AFTER_SALES_URL },
];

/** A row's state in the list, in the tabs' words (a pickup order waits to be picked up, not shipped). */
export function orderListStateLabel(state: OrderState, fulfilment: Fulfilment): string {
  switch (state) {
    case 'PAID':
      return fulfilment === 'PICKUP' ? '待提货' : '待发货';
    case 'FULFILLED':
      return fulfilment === 'PICKUP' ? '已提货' : '待收货';
    case 'PENDING_PAYMENT':
    case 'COMPLETED':
    case 'CANCELLED':
      return ORDER_STATE_LABEL[state];
  }
}

/** Short reasons for a coupon the basket cannot use (the wallet's reason codes). */
const UNUSABLE_REASON: Partial<Record<string, string>> = {
  COUPON_NOT_APPLICABLE: '所选商品不可用',
  COUPON_NOT_STARTED: '尚未到使用时间',
  COUPON_EXPIRED: '已过期',
  COUPON_THRESHOLD_NOT_MET: '未达到使用门槛',
  COUPON_ALREADY_USED: '已使用',
};

/** Why a coupon is greyed out: "还差 ¥19.00 可用" when only the threshold is missing, else the reason; null if usable. */
export function couponOptionNote(option: CheckoutCouponOption): string | null {
  if (option.usable) return null;
  if (option.shortfallFen !== null && option.shortfallFen > 0)
    return `还差 ${formatFen(fen(option.shortfallFen))} 可用`;
  const reason = option.reason ?? '';
  return UNUSABLE_REASON[reason] ?? (isErrorCode(reason) ? ERROR_CODES[reason].message : '当前订单不可用');
}

/**
 * The coupons chosen after tapping one in the sheet. Tapping a chosen coupon drops it; an exclusive coupon is used
 * alone; a stackable one joins the other stackable ones (and replaces an exclusive one). The server has the last
 * word (COUPON_NOT_STACKABLE), this only keeps the sheet from proposing what it would refuse.
 */
export function toggleCoupon(
  selected: readonly number[],
  tapped: CheckoutCouponOption,
  options: readonly CheckoutCouponOption[],
): number[] {
  const id = tapped.coupon.id;
  if (selected.includes(id)) return selected.filter((s) => s !== id);
  if (!tapped.usable) return [...selected];
  if (tapped.coupon.stacking === 'EXCLUSIVE') return [id];
  const stackable = new Set(options.filter((o) => o.coupon.stacking === 'STACKABLE').map((o) => o.coupon.id));
  return [...selected.filter((s) => stackable.has(s)), id];
}

/** Two coupon selections are the same choice. */
export function sameCoupons(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
