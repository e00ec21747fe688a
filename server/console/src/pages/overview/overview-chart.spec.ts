import type { OverviewDay, OverviewStoreRow } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import { gmvLineOption, isEmptyOverview, storeBarOption } from './overview-chart';

const day = (d: string, online: number, till: number, drop: number): OverviewDay => ({
  day: d,
  gmvFen: online + till + drop,
  paidOrders: 0,
  avgOrderFen: 0,
  newMembers: 0,
  channels: [
    { channel: 'ONLINE', gmvFen: online, paidOrders: 0 },
    { channel: 'TILL', gmvFen: till, paidOrders: 0 },
    { channel: 'DROP', gmvFen: drop, paidOrders: 0 },
  ],
});

describe('gmvLineOption', () => {
  it('has one line per channel in yuan, with MM-DD on the axis', () => {
    const option = gmvLineOption([day('2026-12-02', 5000, 0, 0), day('2026-12-03', 3000, 8000, 4050)]);
    expect(option.xAxis.data).toEqual(['12-02', '12-03']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['线上商城', [50, 30]],
      ['门店收银', [0, 80]],
      ['团购', [0, 40.5]],
    ]);
    expect(option.series.every((s) => s.type === 'line')).toBe(true);
  });
});

describe('storeBarOption', () => {
  it('puts the biggest store on top (ECharts draws categories bottom-up)', () => {
    const stores: OverviewStoreRow[] = [
      { storeId: 1, storeName: '南京西路店', gmvFen: 13_000, paidOrders: 2, newMembers: 1 },
      { storeId: 2, storeName: '徐家汇店', gmvFen: 3000, paidOrders: 1, newMembers: 1 },
    ];
    const option = storeBarOption(stores);
    expect(option.yAxis.data).toEqual(['徐家汇店', '南京西路店']);
    expect(option.series[0].data).toEqual([30, 130]);
  });
});

describe('isEmptyOverview', () => {
  it('is empty only when nothing sold and nobody joined', () => {
    const period = { gmvFen: 0, paidOrders: 0, avgOrderFen: 0, newMembers: 0 };
    expect(isEmptyOverview({ period })).toBe(true);
    expect(isEmptyOverview({ period: { ...period, newMembers: 1 } })).toBe(false);
  });
});
