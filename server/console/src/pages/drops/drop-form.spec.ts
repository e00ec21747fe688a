import type { DropSkuOption } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import {
  type DropFormValues,
  fenOf,
  itemProblems,
  placeFieldError,
  toCreateDropRequest,
  wallToInstant,
  weeklyPreview,
} from './drop-form';

const SH = 'Asia/Shanghai';
const base: DropFormValues = { title: ' 周五团 ', recurrence: 'ONCE', earlyChoice: 'GOLD_ONLY', earlyMinutes: 30 };
const sku = (skuId: number, priceFen: number): DropSkuOption => ({
  skuId,
  productId: 1,
  productName: '鲜橙',
  specText: '1kg',
  priceFen,
  stock: 100,
  status: 'ON_SALE',
});

describe('form values → request', () => {
  it('reads the typed times in the brand zone, not the computer’s', () => {
    expect(wallToInstant('2026-12-04 12:00', SH)).toBe('2026-12-04T04:00:00.000Z');
    expect(wallToInstant('2026-12-04 12:00', 'America/New_York')).toBe('2026-12-04T17:00:00.000Z');
  });

  it('makes a one-off request with fen prices and the early-access choice', () => {
    const request = toCreateDropRequest(
      { ...base, opensAt: '2026-12-04 12:00', closesAt: '2026-12-04 14:00' },
      [{ key: 'a', skuId: 7, dropPriceYuan: 39.9, cap: 200, perMemberLimit: 2 }],
      SH,
    );
    expect(request).toEqual({
      title: '周五团',
      recurrence: 'ONCE',
      opensAt: '2026-12-04T04:00:00.000Z',
      closesAt: '2026-12-04T06:00:00.000Z',
      earlyAccess: { GOLD: 30 },
      items: [{ skuId: 7, dropPriceFen: 3990, cap: 200, perMemberLimit: 2 }],
    });
    expect(fenOf(0.1 + 0.2)).toBe(30);
  });

  it('makes a weekly request from weekday, time and duration; no early access sends none', () => {
    const request = toCreateDropRequest(
      { ...base, recurrence: 'WEEKLY', weekday: 5, startTime: '12:00', durationMinutes: 120, earlyChoice: 'NONE' },
      [],
      SH,
    );
    expect(request).toMatchObject({
      recurrence: 'WEEKLY',
      weekly: { weekday: 5, startMinute: 720, durationMinutes: 120 },
      earlyAccess: {},
    });
    expect(request).not.toHaveProperty('opensAt');
  });
});

describe('weekly schedule → next occurrences', () => {
  it('lists the next Fridays at noon, skipping this week once gold members may buy', () => {
    const values: DropFormValues = {
      ...base,
      recurrence: 'WEEKLY',
      weekday: 5,
      startTime: '12:00',
      durationMinutes: 120,
    };
    const tuesday = new Date('2026-12-01T02:00:00Z');
    expect(weeklyPreview(values, SH, tuesday, 3).map((w) => w.opensAt)).toEqual([
      '2026-12-04T04:00:00.000Z',
      '2026-12-11T04:00:00.000Z',
      '2026-12-18T04:00:00.000Z',
    ]);
    expect(weeklyPreview(values, SH, tuesday, 1)[0].closesAt).toBe('2026-12-04T06:00:00.000Z');
    const friday1140 = new Date('2026-12-04T03:40:00Z');
    expect(weeklyPreview(values, SH, friday1140, 1)[0].opensAt).toBe('2026-12-11T04:00:00.000Z');
    expect(weeklyPreview({ ...values, startTime: undefined }, SH, tuesday)).toEqual([]);
  });
});

describe('item checks', () => {
  const skus = new Map([[7, sku(7, 5000)]]);
  it('wants a price above 0 and below the SKU price, a cap, and a limit within it', () => {
    expect(itemProblems([{ key: 'a', skuId: 7, dropPriceYuan: 39, cap: 10, perMemberLimit: 2 }], skus)).toEqual([]);
    expect(itemProblems([{ key: 'a', skuId: 7, dropPriceYuan: 50, cap: 10, perMemberLimit: 2 }], skus)).toEqual([
      '第 1 行：团购价须低于原价',
    ]);
    expect(itemProblems([{ key: 'a', skuId: 7, dropPriceYuan: 0, cap: 1, perMemberLimit: 2 }], skus)).toEqual([
      '第 1 行：团购价须大于 0',
      '第 1 行：每人限购不能超过团购数量',
    ]);
    expect(itemProblems([], skus)).toEqual(['请至少添加一个商品']);
    expect(itemProblems([{ key: 'a' }], skus)).toEqual(['第 1 行：请选择商品规格']);
  });

  it('places server field errors on the form or the item rows', () => {
    expect(placeFieldError('items[2].dropPriceFen')).toEqual({ itemRow: 2 });
    expect(placeFieldError('closesAt')).toEqual({ formField: 'closesAt' });
    expect(placeFieldError('weekly.startMinute')).toEqual({ formField: 'startTime' });
    expect(placeFieldError('nonsense')).toBeNull();
  });
});
