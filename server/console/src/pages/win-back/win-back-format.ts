/** Win-back figures as the console prints them: rates in percent, differences in signed percentage points. */

export const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export const rateText = (rate: number | null) => (rate === null ? '—' : percent(rate));

export function signedPoints(value: number | null): string {
  if (value === null) return '—';
  const points = (value * 100).toFixed(1);
  return `${value > 0 ? '+' : ''}${points} 个百分点`;
}
