import {
  OVERVIEW_CHANNEL_LABELS,
  OVERVIEW_CHANNELS,
  type OverviewDay,
  type OverviewResponse,
  type OverviewStoreRow,
} from '@tidepool/shared';

/** Channel colours, fixed so 线上 is always the same blue whatever has data. */
export const CHANNEL_COLORS = { ONLINE: '#1677ff', TILL: '#52c41a', DROP: '#fa8c16' } as const;

/** Nothing sold and nobody joined in the window: show a friendly empty state, not a flat chart. */
export function isEmptyOverview(overview: Pick<OverviewResponse, 'period'>): boolean {
  return overview.period.gmvFen === 0 && overview.period.paidOrders === 0 && overview.period.newMembers === 0;
}

/** MM-DD for the axis (the year is in the page title). */
const axisDay = (day: string) => day.slice(5);
const yuanOf = (fen: number) => Math.round(fen) / 100;

/**
 * The ECharts option of daily paid GMV (yuan), one line per channel. Not stacked: a stacked line hides the
 * channels under it when only one sells, and each line should read as its own channel's amount.
 */
export function gmvLineOption(series: readonly OverviewDay[]) {
  return {
    // Drawn at once: the figures are read, not watched, and a half-drawn line reads as missing days.
    animation: false,
    color: OVERVIEW_CHANNELS.map((c) => CHANNEL_COLORS[c]),
    tooltip: { trigger: 'axis' as const, valueFormatter: (value: unknown) => `¥${Number(value).toFixed(2)}` },
    legend: { data: OVERVIEW_CHANNELS.map((c) => OVERVIEW_CHANNEL_LABELS[c]), top: 0 },
    grid: { left: 56, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category' as const, boundaryGap: false, data: series.map((d) => axisDay(d.day)) },
    yAxis: { type: 'value' as const, axisLabel: { formatter: '¥{value}' } },
    series: OVERVIEW_CHANNELS.map((channel) => ({
      name: OVERVIEW_CHANNEL_LABELS[channel],
      type: 'line' as const,
      // Straight segments and dots: a smoothed curve would dip below zero between sparse days.
      symbolSize: 5,
      data: series.map((d) => yuanOf(d.channels.find((c) => c.channel === channel)?.gmvFen ?? 0)),
    })),
  };
}

/** The ECharts option of GMV per store (yuan), biggest first, as horizontal bars. */
export function storeBarOption(stores: readonly OverviewStoreRow[]) {
  const rows = [...stores].sort((a, b) => a.gmvFen - b.gmvFen); // ECharts draws the first category at the bottom
  return {
    animation: false,
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
    grid: { left: 120, right: 48, top: 8, bottom: 24 },
    xAxis: { type: 'value' as const, axisLabel: { formatter: '¥{value}' } },
    yAxis: { type: 'category' as const, data: rows.map((s) => s.storeName) },
    series: [
      {
        name: '实付金额',
        type: 'bar' as const,
        barMaxWidth: 24,
        itemStyle: { color: '#1677ff' },
        label: {
          show: true,
          position: 'right' as const,
          formatter: (p: { value: number }) => `¥${p.value.toFixed(2)}`,
        },
        data: rows.map((s) => yuanOf(s.gmvFen)),
      },
    ],
  };
}
