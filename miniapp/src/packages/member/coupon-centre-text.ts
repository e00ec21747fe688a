import type { CouponCentreItem } from '@tidepool/shared';

/** What the coupon centre's button says and does per state (立即领取 / 已领取 / 已抢光). */
export interface CentreAction {
  label: string;
  kind: 'claim' | 'use' | 'none';
}

/** `justClaimed`: the coupon this member claimed on this page (去使用 opens its products). */
export function centreAction(item: Pick<CouponCentreItem, 'state'>, justClaimed: boolean): CentreAction {
  // Just claimed here: the next thing the shopper wants is to use it (even when the limit allows another).
  if (justClaimed) return { label: '去使用', kind: 'use' };
  switch (item.state) {
    case 'CLAIMABLE':
      return { label: '立即领取', kind: 'claim' };
    case 'CLAIMED':
      return { label: '已领取', kind: 'none' };
    case 'SOLD_OUT':
      return { label: '已抢光', kind: 'none' };
  }
}

/** "领取后 7 天内有效 · 每人限领 2 张（已领 1 张） · 仅剩 3 张". */
export function centreNote(
  item: Pick<CouponCentreItem, 'validDays' | 'remaining' | 'perMemberLimit' | 'state' | 'claimedByMe'>,
): string {
  const parts = [`领取后 ${item.validDays} 天内有效`];
  if (item.perMemberLimit > 1) {
    parts.push(`每人限领 ${item.perMemberLimit} 张${item.claimedByMe > 0 ? `（已领 ${item.claimedByMe} 张）` : ''}`);
  }
  if (item.remaining !== null && item.state !== 'SOLD_OUT' && item.remaining <= 20)
    parts.push(`仅剩 ${item.remaining} 张`);
  return parts.join(' · ');
}
