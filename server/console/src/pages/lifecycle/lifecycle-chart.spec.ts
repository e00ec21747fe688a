import type { LifecycleOverviewView } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import { isEmptyLifecycle, sharePercent, stageBarOption, valueLabel } from './lifecycle-chart';

const view: LifecycleOverviewView = {
  members: 4,
  stages: [
    { key: 'INTRODUCTION', label: '引入', members: 1, shareBp: 2500 },
    { key: 'GROWTH', label: '成长', members: 3, shareBp: 7500 },
    { key: 'MATURITY', label: '成熟', members: 0, shareBp: 0 },
    { key: 'DECLINE', label: '衰退', members: 0, shareBp: 0 },
    { key: 'CHURNED', label: '流失', members: 0, shareBp: 0 },
  ],
  levels: [
    { key: 'PROSPECT', label: '潜客', members: 0, shareBp: 0 },
    { key: 'FAN', label: '粉丝', members: 1, shareBp: 2500 },
    { key: 'CUSTOMER', label: '顾客', members: 3, shareBp: 7500 },
    { key: 'REGULAR', label: '熟客', members: 0, shareBp: 0 },
    { key: 'AMBASSADOR', label: '大使', members: 0, shareBp: 0 },
  ],
  flows7d: [],
  flows30d: [],
  asOf: '2026-12-03T02:00:00.000Z',
};

describe('lifecycle chart', () => {
  it('draws a bar per stage and per level, in table order', () => {
    const option = stageBarOption(view) as { series: { data: unknown[] }[]; yAxis: { data: string[] }[] };
    expect(option.yAxis[0].data).toEqual(['引入', '成长', '成熟', '衰退', '流失']);
    expect(option.series[1].data).toEqual([0, 1, 3, 0, 0]);
  });

  it('shows shares as percentages and names a first stage', () => {
    expect(sharePercent(2500)).toBe('25.0%');
    expect(sharePercent(3333)).toBe('33.3%');
    expect(valueLabel('LIFECYCLE', null)).toBe('新注册');
    expect(valueLabel('LIFECYCLE', 'DECLINE')).toBe('衰退');
    expect(valueLabel('RELATIONSHIP', 'REGULAR')).toBe('熟客');
  });

  it('is empty without members', () => {
    expect(isEmptyLifecycle(view)).toBe(false);
    expect(isEmptyLifecycle({ ...view, members: 0 })).toBe(true);
  });
});
