import {
  LIFECYCLE_STAGE_LABELS,
  type LifecycleOverviewView,
  type LifecycleStage,
  RELATIONSHIP_LEVEL_LABELS,
  type RelationshipLevel,
  type StageFlowView,
} from '@tidepool/shared';

/** Stage colours, from new (blue) through healthy (green) to slipping (orange) and gone (grey). */
export const STAGE_COLORS: Record<LifecycleStage, string> = {
  INTRODUCTION: '#1677ff',
  GROWTH: '#13c2c2',
  MATURITY: '#52c41a',
  DECLINE: '#fa8c16',
  CHURNED: '#bfbfbf',
};

/** "12.3%" from basis points. */
export function sharePercent(shareBp: number): string {
  return `${(shareBp / 100).toFixed(1)}%`;
}

export function isEmptyLifecycle(view: LifecycleOverviewView): boolean {
  return view.members === 0;
}

/** The name of a stage or level (a flow's `from` is null for a member's first stage). */
export function valueLabel(kind: StageFlowView['kind'], value: string | null): string {
  if (value === null) return '新注册';
  if (kind === 'LIFECYCLE') return LIFECYCLE_STAGE_LABELS[value as LifecycleStage] ?? value;
  return RELATIONSHIP_LEVEL_LABELS[value as RelationshipLevel] ?? value;
}

/** One horizontal bar per lifecycle stage, and one per relationship level, side by side as two series. */
export function stageBarOption(view: LifecycleOverviewView): object {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: [
      { left: 56, right: '54%', top: 24, bottom: 24 },
      { left: '56%', right: 16, top: 24, bottom: 24 },
    ],
    xAxis: [
      { type: 'value', gridIndex: 0, minInterval: 1 },
      { type: 'value', gridIndex: 1, minInterval: 1 },
    ],
    yAxis: [
      { type: 'category', gridIndex: 0, inverse: true, data: view.stages.map((s) => s.label) },
      { type: 'category', gridIndex: 1, inverse: true, data: view.levels.map((l) => l.label) },
    ],
    series: [
      {
        name: '生命周期',
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: view.stages.map((s) => ({ value: s.members, itemStyle: { color: STAGE_COLORS[s.key] } })),
        label: { show: true, position: 'right' },
      },
      {
        name: '关系等级',
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: view.levels.map((l) => l.members),
        itemStyle: { color: '#722ed1' },
        label: { show: true, position: 'right' },
      },
    ],
  };
}
