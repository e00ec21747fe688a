import { describe, expect, it } from 'vitest';
import { DEFAULT_GROWTH_RULES as R } from './growth-rules';
import { winBackRate, wonBackBy, type WinBackOutcome } from './win-back';

const DAY = 86_400_000;
const group = (treated: boolean, n: number, returned: number): WinBackOutcome[] =>
  Array.from({ length: n }, (_, i) => ({ treated, returned: i < returned }));

describe('win-back rate', () => {
  it('matches the hand-computed figures of a scripted wave', () => {
    // 40 treated, 12 returned: p_t = 0.30; 10 held out, 1 returned: p_h = 0.10; d = 0.20.
    // SE = √(0.3·0.7/40 + 0.1·0.9/10) = √(0.00525 + 0.009) = √0.01425 = 0.11937336386313323
    // half-width = 1.959963984540054 · 0.11937336386313323 = 0.2339674938851363
    // CI = [0.20 − 0.2339674938851363, 0.20 + 0.2339674938851363] = [−0.0339674938851363, 0.4339674938851363]
    const report = winBackRate([...group(true, 40, 12), ...group(false, 10, 1)]);
    expect(report.treated).toEqual({ n: 40, returned: 12, rate: 0.3 });
    expect(report.holdout).toEqual({ n: 10, returned: 1, rate: 0.1 });
    expect(report.difference).toBeCloseTo(0.2, 9);
    expect(report.ci95?.[0]).toBeCloseTo(-0.0339674938851363, 9);
    expect(report.ci95?.[1]).toBeCloseTo(0.4339674938851363, 9);
  });

  it('reports an empty group without a rate, a difference or an interval', () => {
    expect(winBackRate(group(true, 5, 2))).toEqual({
      treated: { n: 5, returned: 2, rate: 0.4 },
      holdout: { n: 0, returned: 0, rate: null },
      difference: null,
      ci95: null,
    });
    expect(winBackRate([])).toEqual({
      treated: { n: 0, returned: 0, rate: null },
      holdout: { n: 0, returned: 0, rate: null },
      difference: null,
      ci95: null,
    });
  });

  it('collapses the interval to the point when neither group varies', () => {
    expect(winBackRate([...group(true, 4, 4), ...group(false, 3, 0)]).ci95).toEqual([1, 1]);
  });
});

describe('won back by a purchase', () => {
  const wave = new Date('2026-06-01T02:00:00.000Z');
  const at = (ms: number): Date => new Date(wave.getTime() + ms);
  it.each<[string, Date | null, boolean]>([
    ['no purchase', null, false],
    ['a purchase just before the wave', at(-1), false],
    ['a purchase at the wave', at(0), true],
    ['exactly 15 days later (end inclusive)', at(15 * DAY), true],
    ['15 days and 1 ms later', at(15 * DAY + 1), false],
  ])('%s → %s', (_name, purchasedAt, expected) => {
    expect(wonBackBy(wave, purchasedAt, R)).toBe(expected);
  });
});
