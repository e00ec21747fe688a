/** Store-mode till purchases (门店消费): a cashier records what a scanned member paid at the till. */

/** POST /api/store-mode/purchases/quote */
export interface TillQuoteRequest {
  /** The accepted member-code scan of the shopper at this till. */
  scanId: number;
  /** What the items come to before member discounts, in fen (the till's own total). */
  amountFen: number;
  /** Coupons from the member's wallet to apply (0..n; at most one exclusive). */
  couponIds?: number[];
}

export interface TillDiscountLine {
  label: string;
  amountFen: number;
}

export interface TillQuoteResponse {
  subtotalFen: number;
  discounts: TillDiscountLine[];
  payableFen: number;
  pointsToEarn: number;
  growthToEarn: number;
  memberDay: boolean;
  birthdayDouble: boolean;
}

export interface TillItem {
  name: string;
  quantity: number;
  amountFen: number;
}

/** POST /api/store-mode/purchases: idempotent by `clientId` (a retried confirm never awards twice). */
/**
 * How the shopper paid at the till, as the cashier records it. UNSPECIFIED is what a till that does not ask
 * records: it never counts as a WeChat Pay payment for rules that ask for one.
 */
export const TILL_PAYMENT_METHODS = ['WECHAT_PAY', 'ALIPAY', 'CASH', 'BANK_CARD', 'UNSPECIFIED'] as const;
export type TillPaymentMethod = (typeof TILL_PAYMENT_METHODS)[number];

/** What the cashier can choose, in the till's order, with what the screen says. */
export const TILL_PAYMENT_METHOD_CHOICES: readonly { method: TillPaymentMethod; label: string }[] = [
  { method: 'WECHAT_PAY', label: '微信支付' },
  { method: 'ALIPAY', label: '支付宝' },
  { method: 'CASH', label: '现金' },
  { method: 'BANK_CARD', label: '银行卡' },
];

export interface TillPurchaseRequest extends TillQuoteRequest {
  /** Made once per sale by the till (8–64 letters, digits, - or _), reused on every retry of that sale. */
  clientId: string;
  items?: TillItem[];
  /** The payable the cashier confirmed; a different current price answers PRICE_CHANGED and records nothing. */
  expectedPayableFen?: number;
  /** How the shopper paid; absent → UNSPECIFIED. */
  paymentMethod?: TillPaymentMethod;
}

export type TillTransactionStatus = 'COMPLETED' | 'REFUNDED';

export interface TillTransactionView {
  id: number;
  clientId: string;
  storeName: string;
  phoneMasked: string | null;
  subtotalFen: number;
  discounts: TillDiscountLine[];
  payableFen: number;
  paymentMethod: TillPaymentMethod;
  pointsAwarded: number;
  growthAwarded: number;
  status: TillTransactionStatus;
  createdAt: string;
  refundedAt: string | null;
}
