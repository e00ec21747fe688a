import type { DropEarlyAccessView, DropItemView, DropPhase, DropView } from '@tidepool/shared';
import type { ApiError } from '@/services/api-error';
import { storeClock, storeWhen } from '@/services/drops-time';

/** What the drop page shows and allows per item: remaining units, the sold share, the quantity a member may buy. */

/** "剩余 3 件" / "已抢光". */
export function remainingText(item: Pick<DropItemView, 'left' | 'soldOut'>): string {
  return item.soldOut || item.left <= 0 ? '已抢光' : `剩余 ${item.left} 件`;
}

/** The sold share of the drop's allocation, 0–100 (whole percent, rounded down so 100 means really all gone). */
export function soldPercent(item: Pick<DropItemView, 'cap' | 'left'>): number {
  if (item.cap <= 0) return 100;
  const sold = Math.min(item.cap, Math.max(0, item.cap - item.left));
  return Math.floor((sold * 100) / item.cap);
}

/** How many more units this member may take now: the per-member limit less what they hold, and no more than left. */
export function maxBuyable(item: Pick<DropItemView, 'perMemberLimit' | 'myQuantity' | 'left' | 'soldOut'>): number {
  if (item.soldOut) return 0;
  return Math.max(0, Math.min(item.perMemberLimit - item.myQuantity, item.left));
}

/** The stepper's value kept within 1..max (0 when nothing can be bought). */
export function clampQuantity(quantity: number, max: number): number {
  if (max <= 0) return 0;
  if (!Number.isFinite(quantity)) return 1;
  return Math.min(max, Math.max(1, Math.floor(quantity)));
}

/** Why an item cannot be bought right now, or null when it can (phase aside). */
export type ItemBlock = 'SOLD_OUT' | 'LIMIT_REACHED' | null;

export function itemBlock(item: DropItemView): ItemBlock {
  if (item.soldOut || item.left <= 0) return 'SOLD_OUT';
  if (item.myQuantity >= item.perMemberLimit) return 'LIMIT_REACHED';
  return null;
}

/** "每人限购 2 件" (and "，已购 1 件" once the member holds some). */
export function limitText(item: Pick<DropItemView, 'perMemberLimit' | 'myQuantity'>): string {
  const base = `每人限购 ${item.perMemberLimit} 件`;
  return item.myQuantity > 0 ? `${base}，已购 ${item.myQuantity} 件` : base;
}

/** "金卡会员 11:30 优先购" for each tier with priority purchase, earliest first. */
export function earlyAccessLines(drop: Pick<DropView, 'opensAt' | 'earlyAccess'>): string[] {
  const opens = Date.parse(drop.opensAt);
  if (Number.isNaN(opens)) return [];
  return [...drop.earlyAccess]
    .filter((e) => e.minutes > 0)
    .sort((a, b) => b.minutes - a.minutes)
    .map(
      (e: DropEarlyAccessView) =>
        `${e.tierName}会员 ${storeClock(new Date(opens - e.minutes * 60_000).toISOString())} 优先购`,
    );
}

const MAY_COME_BACK = '稍后可能有人未付款释放库存';

/**
 * The line under a sold-out item: units may come back only while some are reserved but unpaid (an unpaid order
 * releases them when it times out). Once the last unit is paid, sold out is final and nothing is promised.
 */
export function soldOutHint(
  item: Pick<DropItemView, 'left' | 'soldOut' | 'reserved'>,
  phase: DropPhase,
): string | null {
  const soldOut = item.soldOut || item.left <= 0;
  return soldOut && phase === 'OPEN' && item.reserved > 0 ? MAY_COME_BACK : null;
}

/** How often an open drop page reads the counts again while units may come back. */
export const SOLD_OUT_POLL_MS = 5_000;

/** The poll interval while an open drop has a sold-out item with reserved units (they may come back), else null. */
export function soldOutPollMs(
  items: readonly Pick<DropItemView, 'left' | 'soldOut' | 'reserved'>[],
  phase: DropPhase,
): number | null {
  return items.some((item) => soldOutHint(item, phase) !== null) ? SOLD_OUT_POLL_MS : null;
}

/** The member opens earlier than everyone: "您是金卡会员，11:30 起优先购" (null when they open with everyone). */
export function myEarlyAccessText(drop: Pick<DropView, 'opensAt' | 'myOpensAt' | 'earlyAccess'>): string | null {
  const ahead = Date.parse(drop.opensAt) - Date.parse(drop.myOpensAt);
  if (!(ahead > 0)) return null;
  const minutes = Math.round(ahead / 60_000);
  const tier = drop.earlyAccess.find((e) => e.minutes === minutes);
  const who = tier ? `您是${tier.tierName}会员，` : '';
  return `${who}${storeClock(drop.myOpensAt)} 起优先购`;
}

/** The drop page's reaction to a refused order: a clear message and the state the page moves to. */
export interface RefusalView {
  /** The toast / modal text. */
  message: string;
  /** A second line, e.g. that released stock may come back. */
  hint?: string;
  /** What to do with the page: reload the drop (its state changed), send a visitor to signup, or keep the sheet. */
  then: 'reload' | 'signup' | 'stay';
}

/** DROP_* and the fulfilment refusals in Chinese; `serverNowMs` says "今天 12:00" for DROP_NOT_OPEN. */
export function refusalView(error: Pick<ApiError, 'code' | 'message' | 'details'>, serverNowMs: number): RefusalView {
  switch (error.code) {
    case 'DROP_NOT_OPEN': {
      const at = error.details?.find((d) => d.field === 'opensAt')?.reason;
      const when = at ? storeWhen(at, serverNowMs) : '';
      return { message: when ? `未开始，${when} 开抢` : '团购尚未开始', then: 'reload' };
    }
    case 'DROP_SOLD_OUT':
      return { message: '已抢光', then: 'reload' };
    case 'DROP_ENDED':
      return { message: '团购已结束', then: 'reload' };
    case 'DROP_LIMIT_REACHED':
      return { message: '已达到限购数量', hint: '每人限购，未付款的订单取消后可再次购买', then: 'reload' };
    case 'DROP_NOT_FOUND':
      return { message: '团购活动不存在或已取消', then: 'reload' };
    case 'NOT_SIGNED_UP':
      return { message: '成为会员后即可参与团购', then: 'signup' };
    case 'STORE_NOT_FOUND':
      return { message: '所选门店暂不可自提，请换一家门店', then: 'stay' };
    case 'VALIDATION_FAILED':
      return { message: '收货信息有误，请检查后重新提交', then: 'stay' };
    default:
      return { message: error.message, then: 'stay' };
  }
}
