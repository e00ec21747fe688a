import type { AfterSaleAction, AfterSaleState, AfterSaleType, OrderState } from '../state-machines';
import type { ErrorCode } from './error-codes';

/**
 * After-sales (售后): a member asks for 仅退款 or 退货退款 of some units of an order line; an operator approves or
 * refuses; the money goes back through WeChat Pay. One after-sale is one line and a quantity; applying for
 * several lines at once makes one after-sale per line.
 */

export const AFTER_SALE_REASONS = [
  { code: 'NOT_WANTED', label: '不想要了 / 拍错了' },
  { code: 'QUALITY', label: '商品质量问题' },
  { code: 'DAMAGED', label: '商品破损或少件' },
  { code: 'WRONG_ITEM', label: '商家发错货' },
  { code: 'NOT_AS_DESCRIBED', label: '与商品描述不符' },
  { code: 'NOT_RECEIVED', label: '未收到货' },
  { code: 'OTHER', label: '其他原因' },
] as const;
export type AfterSaleReasonCode = (typeof AFTER_SALE_REASONS)[number]['code'];
export const AFTER_SALE_REASON_CODES: AfterSaleReasonCode[] = AFTER_SALE_REASONS.map((r) => r.code);

export function afterSaleReasonLabel(code: string): string {
  return AFTER_SALE_REASONS.find((r) => r.code === code)?.label ?? '其他原因';
}

/** Photos attached to an application: uploaded first (multipart field `file`), then named by id. */
export const AFTER_SALE_PHOTO_RULES = {
  maxBytes: 5 * 1024 * 1024,
  mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
  maxPerApplication: 6,
} as const;

export const AFTER_SALE_TEXT_LIMITS = { reasonText: 200, rejectReason: 200, carrier: 32, trackingNo: 40 } as const;

/** POST /api/after-sales/photos (multipart/form-data, one file in field `file`). */
export interface AfterSalePhotoView {
  id: number;
  /** A signed URL that shows the photo to whoever holds it for a while (an <Image> cannot send a token). */
  url: string;
}

/** GET /api/after-sales/options?orderId= : what the apply page needs. */
export interface AfterSaleOptionsResponse {
  orderId: number;
  orderNo: string;
  orderState: OrderState;
  /** Types the order allows now (退货退款 only once the goods have left the shop); empty when blocked. */
  types: AfterSaleType[];
  /** Why nothing can be applied for (ORDER_NOT_PAID, RETURN_WINDOW_CLOSED, …), or null. */
  blockedBy: ErrorCode | null;
  /** The end of the after-sales window (completion + return window), or null while not completed. */
  deadline: string | null;
  lines: AfterSaleLineOption[];
}

export interface AfterSaleLineOption {
  lineId: number;
  productName: string;
  specText: string;
  imageUrl: string;
  unitPriceFen: number;
  quantity: number;
  paidFen: number;
  /** Units refunded or held by open after-sales, and their amount (feed `refundAmountFor` for the preview). */
  usedQuantity: number;
  usedFen: number;
  refundableQuantity: number;
}

export interface AfterSaleLineRequest {
  lineId: number;
  /** 1..refundableQuantity */
  quantity: number;
}

/** POST /api/after-sales: idempotent by clientRequestId (a retried submit answers the same after-sales). */
export interface ApplyAfterSaleRequest {
  clientRequestId: string;
  orderId: number;
  type: AfterSaleType;
  reasonCode: AfterSaleReasonCode;
  reasonText?: string;
  photoIds?: number[];
  lines: AfterSaleLineRequest[];
}

/** POST /api/after-sales/:id/return: the parcel sent back (may be corrected until the goods arrive). */
export interface SubmitReturnParcelRequest {
  carrier: string;
  trackingNo: string;
}

export interface AfterSaleTimelineEntry {
  title: string;
  at: string;
  note: string | null;
}

export interface AfterSaleView {
  id: number;
  afterSaleNo: string;
  orderId: number;
  orderNo: string;
  type: AfterSaleType;
  state: AfterSaleState;
  /** Buttons for the caller (member or operator) from the shared machine. */
  actions: AfterSaleAction[];
  lineId: number;
  productName: string;
  specText: string;
  imageUrl: string;
  unitPriceFen: number;
  quantity: number;
  /** Money that goes back (fixed at application). */
  amountFen: number;
  reasonCode: AfterSaleReasonCode;
  reasonLabel: string;
  reasonText: string;
  photos: AfterSalePhotoView[];
  rejectReason: string | null;
  returnCarrier: string | null;
  returnTrackingNo: string | null;
  /** Oldest first. */
  timeline: AfterSaleTimelineEntry[];
  createdAt: string;
  refundedAt: string | null;
}

/** GET /api/after-sales?page=&pageSize=&orderId= (the member's own, newest first). */
export interface AfterSaleListQuery {
  page?: number;
  pageSize?: number;
  orderId?: number;
}

/** The operator's view: the member too. */
export interface AdminAfterSaleView extends AfterSaleView {
  memberId: number;
}

/** GET /api/admin/after-sales: filters and pagination (in SQL). */
export interface AdminAfterSaleListQuery {
  page?: number;
  pageSize?: number;
  state?: AfterSaleState;
  type?: AfterSaleType;
  orderNo?: string;
  memberId?: number;
  /** createdAt ≥ from, < to (ISO instants). */
  from?: string;
  to?: string;
}

/** POST /api/admin/after-sales/:id/reject */
export interface RejectAfterSaleRequest {
  reason: string;
}
