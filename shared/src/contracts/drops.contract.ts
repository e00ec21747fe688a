import type { TierCode } from '../rules/loyalty/tiers';
import type { DropPhase } from '../rules/drops/drop-window';
import type { DropState, WeeklySlot } from '../rules/drops/weekly-slot';
import type { ShippingAddress } from './address.contract';
import type { Fulfilment, OrderSummaryView } from './orders.contract';

/** A weekly drop repeats every week on the brand's schedule (Friday 12:00 – Saturday 18:00); ONCE is one window. */
export type DropRecurrence = 'WEEKLY' | 'ONCE';

/** One product in a drop, as a member sees it. */
export interface DropItemView {
  id: number;
  skuId: number;
  productId: number;
  productName: string;
  specText: string;
  imageUrl: string;
  listPriceFen: number;
  dropPriceFen: number;
  cap: number;
  perMemberLimit: number;
  /** Units on sale right now. Unpaid reservations that expire come back, so 0 may become 1 again. */
  left: number;
  soldOut: boolean;
  /**
   * Units held by orders not paid yet: while > 0 a sold-out item may come back (the page says so and polls);
   * at 0 a sold-out item is gone for good.
   */
  reserved: number;
  /** Units this member holds in this drop (reserved or bought): the per-member limit counts these. */
  myQuantity: number;
}

export interface DropEarlyAccessView {
  tier: TierCode;
  tierName: string;
  minutes: number;
}

/**
 * GET /api/drops/:id, and each entry of GET /api/drops (the drops open now or opening within 7 days, soonest
 * first). Public; the member fields are empty/false for a visitor.
 */
export interface DropView {
  id: number;
  title: string;
  description: string;
  recurrence: DropRecurrence;
  /** The general opening (ISO, UTC). */
  opensAt: string;
  closesAt: string;
  /** When this member may buy: earlier with priority purchase (优先购). Equals opensAt for a visitor. */
  myOpensAt: string;
  /** This member's phase at serverTime. */
  phase: DropPhase;
  earlyAccess: DropEarlyAccessView[];
  /** The server's clock when the view was made: the page counts down from this, not from the phone's clock. */
  serverTime: string;
  /** How long an order holds its units before it must be paid, in seconds. */
  reservationSeconds: number;
  /** The member asked to be reminded at opening. */
  reminded: boolean;
  /** The subscribe-message template the "remind me" button asks consent for (wx.requestSubscribeMessage). */
  reminderTemplateId: string;
  items: DropItemView[];
}

export interface DropListResponse {
  items: DropView[];
}

/** POST /api/drops/:id/reminder (DELETE to cancel): the member accepted the subscribe message for these templates. */
export interface DropReminderRequest {
  templateIds: string[];
}

export interface DropReminderResponse {
  reminded: boolean;
}

/** POST /api/drops/:id/orders → OrderView (the ordinary order, priced at the drop price, paid the ordinary way). */
export interface CreateDropOrderRequest {
  dropItemId: number;
  /** 1..perMemberLimit */
  quantity: number;
  /** Idempotency: the same id from the same member answers the same order. */
  clientOrderId: string;
  fulfilment: Fulfilment;
  address?: ShippingAddress;
  pickupStoreId?: number;
}

/** GET /api/drops/orders/mine: 我的团购订单. */
export interface DropOrderSummaryView extends OrderSummaryView {
  dropId: number;
  dropTitle: string;
}

// ——— Operator ———

export interface DropItemInput {
  skuId: number;
  dropPriceFen: number;
  /** Units for sale in this drop (the drop's own allocation). */
  cap: number;
  perMemberLimit: number;
}

/**
 * POST /api/admin/drops. WEEKLY takes `weekly` (weekday, start, duration in the brand's zone) or else the brand's
 * default window, and starts at the next window nobody may buy in yet; ONCE needs opensAt/closesAt in the future.
 */
export interface CreateDropRequest {
  title: string;
  description?: string;
  recurrence: DropRecurrence;
  weekly?: WeeklySlot;
  opensAt?: string;
  closesAt?: string;
  /** Minutes of priority purchase per tier, e.g. { GOLD: 30 }. Defaults to gold 30 minutes. */
  earlyAccess?: Partial<Record<TierCode, number>>;
  /** Defaults to 300 (5 minutes). */
  reservationSeconds?: number;
  items: DropItemInput[];
}

export interface DropItemStatsView extends DropItemView {
  /** Paid units. */
  sold: number;
}

export type DropStatus = 'SCHEDULED' | 'CANCELLED';

export interface DropAdminView {
  id: number;
  title: string;
  description: string;
  recurrence: DropRecurrence;
  status: DropStatus;
  /** 未开始 / 进行中 / 已结束 / 已取消 at serverTime; open from the earliest tier's opening. */
  state: DropState;
  opensAt: string;
  closesAt: string;
  /** The earliest tier's opening: before it the drop may be cancelled. */
  firstOpensAt: string;
  /** A weekly drop's slot and the zone it is read in; null for ONCE and for weekly drops on the default window. */
  weekly: (WeeklySlot & { timeZone: string }) | null;
  /** A weekly drop's next windows after this one (this one's successor is made when it closes). */
  nextOpenings: string[];
  serverTime: string;
  earlyAccess: Partial<Record<TierCode, number>>;
  reservationSeconds: number;
  reminders: number;
  remindersSent: number;
  items: DropItemStatsView[];
}

/** GET /api/admin/drops: filters in SQL; from/to bound the general opening. */
export interface AdminDropListQuery {
  page?: number;
  pageSize?: number;
  state?: DropState;
  from?: string;
  to?: string;
  keyword?: string;
}

/** GET /api/admin/drops/sku-options?keyword=: SKUs to put in a drop, from the catalogue's product search. */
export interface DropSkuOption {
  skuId: number;
  productId: number;
  productName: string;
  specText: string;
  priceFen: number;
  stock: number;
  status: string;
}
