import { describe, expect, it } from 'vitest';
import type { DropItemView } from '@tidepool/shared';
import { ApiError } from '@/services/api-error';
import {
  clampQuantity,
  earlyAccessLines,
  itemBlock,
  limitText,
  maxBuyable,
  myEarlyAccessText,
  refusalView,
  remainingText,
  soldOutHint,
  soldPercent,
  SOLD_OUT_POLL_MS,
  soldOutPollMs,
} from './drop-rules';

const item = (over: Partial<DropItemView> = {}): DropItemView => ({
  id: 1,
  skuId: 11,
  productId: 3,
  productName: '真无线蓝牙耳机',
  specText: '白色',
  imageUrl: '/assets/x.png',
  listPriceFen: 9900,
  dropPriceFen: 5900,
  cap: 10,
  perMemberLimit: 2,
  left: 10,
  soldOut: false,
  reserved: 0,
  myQuantity: 0,
  ...over,
});

describe('remaining and progress', () => {
  it('says what is left, or 已抢光', () => {
    expect(remainingText(item({ left: 3 }))).toBe('剩余 3 件');
    expect(remainingText(item({ left: 0, soldOut: true }))).toBe('已抢光');
    expect(remainingText(item({ left: 0 }))).toBe('已抢光');
  });

  it('shows the sold share in whole percent, 100 only when all are gone', () => {
    expect(soldPercent(item({ cap: 10, left: 10 }))).toBe(0);
    expect(soldPercent(item({ cap: 10, left: 7 }))).toBe(30);
    expect(soldPercent(item({ cap: 3, left: 1 }))).toBe(66);
    expect(soldPercent(item({ cap: 1000, left: 1 }))).toBe(99);
    expect(soldPercent(item({ cap: 1, left: 0 }))).toBe(100);
    // Released units may briefly exceed what the view counted: never below 0 or above 100.
    expect(soldPercent(item({ cap: 5, left: 6 }))).toBe(0);
    expect(soldPercent(item({ cap: 0, left: 0 }))).toBe(100);
  });
});

describe('quantity bounds', () => {
  it('allows the per-member limit less what the member holds, and never more than is left', () => {
    expect(maxBuyable(item({ perMemberLimit: 2 }))).toBe(2);
    expect(maxBuyable(item({ perMemberLimit: 2, myQuantity: 1 }))).toBe(1);
    expect(maxBuyable(item({ perMemberLimit: 2, myQuantity: 2 }))).toBe(0);
    expect(maxBuyable(item({ perMemberLimit: 5, left: 1 }))).toBe(1);
    expect(maxBuyable(item({ left: 0, soldOut: true }))).toBe(0);
  });

  it('keeps the stepper within 1..max', () => {
    expect(clampQuantity(0, 2)).toBe(1);
    expect(clampQuantity(3, 2)).toBe(2);
    expect(clampQuantity(1.7, 2)).toBe(1);
    expect(clampQuantity(Number.NaN, 2)).toBe(1);
    expect(clampQuantity(1, 0)).toBe(0);
  });

  it('names why an item cannot be bought', () => {
    expect(itemBlock(item())).toBeNull();
    expect(itemBlock(item({ left: 0, soldOut: true }))).toBe('SOLD_OUT');
    expect(itemBlock(item({ perMemberLimit: 1, myQuantity: 1 }))).toBe('LIMIT_REACHED');
    expect(limitText(item({ perMemberLimit: 2 }))).toBe('每人限购 2 件');
    expect(limitText(item({ perMemberLimit: 2, myQuantity: 1 }))).toBe('每人限购 2 件，已购 1 件');
  });
});

describe('priority purchase', () => {
  const drop = {
    opensAt: '2026-11-27T04:00:00.000Z',
    myOpensAt: '2026-11-27T03:30:00.000Z',
    earlyAccess: [
      { tier: 'SILVER' as const, tierName: '银卡', minutes: 10 },
      { tier: 'GOLD' as const, tierName: '金卡', minutes: 30 },
    ],
  };

  it('lists each tier opening earlier, earliest first, in store time', () => {
    expect(earlyAccessLines(drop)).toEqual(['金卡会员 11:30 优先购', '银卡会员 11:50 优先购']);
  });

  it('tells a gold member their own opening; nothing for who opens with everyone', () => {
    expect(myEarlyAccessText(drop)).toBe('您是金卡会员，11:30 起优先购');
    expect(myEarlyAccessText({ ...drop, myOpensAt: drop.opensAt })).toBeNull();
  });
});

describe('refusalView', () => {
  const serverNow = Date.parse('2026-11-27T03:59:50Z');

  it('says when a drop that is not open yet opens, from the error details', () => {
    const error = new ApiError('DROP_NOT_OPEN', 409, [{ field: 'opensAt', reason: '2026-11-27T04:00:00.000Z' }]);
    expect(refusalView(error, serverNow)).toEqual({ message: '未开始，今天 12:00 开抢', then: 'reload' });
    expect(refusalView(new ApiError('DROP_NOT_OPEN', 409), serverNow).message).toBe('团购尚未开始');
  });

  it('maps sold out, ended and the limit to their states', () => {
    // The reloaded page says whether units may come back (only while some are reserved but unpaid).
    expect(refusalView(new ApiError('DROP_SOLD_OUT', 409), serverNow)).toEqual({ message: '已抢光', then: 'reload' });
    expect(refusalView(new ApiError('DROP_ENDED', 409), serverNow)).toEqual({ message: '团购已结束', then: 'reload' });
    expect(refusalView(new ApiError('DROP_LIMIT_REACHED', 409), serverNow).message).toBe('已达到限购数量');
  });

  it('sends a visitor to signup and keeps the sheet for fulfilment problems', () => {
    expect(refusalView(new ApiError('NOT_SIGNED_UP', 403), serverNow).then).toBe('signup');
    expect(refusalView(new ApiError('STORE_NOT_FOUND', 404), serverNow).then).toBe('stay');
    expect(refusalView(new ApiError('VALIDATION_FAILED', 400), serverNow).then).toBe('stay');
    expect(refusalView(new ApiError('RATE_LIMITED', 429), serverNow)).toEqual({
      message: new ApiError('RATE_LIMITED', 429).message,
      then: 'stay',
    });
  });
});

describe('sold out: may units come back? (issue 12, defect 9)', () => {
  it('says units may come back only while some are reserved but unpaid, in an open drop', () => {
    expect(soldOutHint(item({ left: 0, soldOut: true, reserved: 2 }), 'OPEN')).toBe('稍后可能有人未付款释放库存');
    expect(soldOutHint(item({ left: 0, soldOut: true, reserved: 0 }), 'OPEN')).toBeNull();
    expect(soldOutHint(item({ left: 0, soldOut: true, reserved: 2 }), 'ENDED')).toBeNull();
    expect(soldOutHint(item({ left: 3, reserved: 2 }), 'OPEN')).toBeNull();
  });

  it('polls an open drop while a sold-out item has units reserved, and not otherwise', () => {
    const held = { phase: 'OPEN' as const, items: [item({ left: 0, soldOut: true, reserved: 1 })] };
    expect(soldOutPollMs(held.items, held.phase)).toBe(SOLD_OUT_POLL_MS);
    expect(soldOutPollMs([item({ left: 0, soldOut: true, reserved: 0 })], 'OPEN')).toBeNull();
    expect(soldOutPollMs([item({ left: 4, reserved: 1 })], 'OPEN')).toBeNull();
    expect(soldOutPollMs(held.items, 'ENDED')).toBeNull();
    expect(soldOutPollMs(held.items, 'UPCOMING')).toBeNull();
  });
});
