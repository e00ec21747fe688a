import type { GrowthRules } from './growth-rules';

const DAY_MS = 86_400_000;

/**
 * Whether a purchase counts as winning the member back: at or after the instant their wave was sent and at most
 * winBackMeasureDays × 24 h later, that end instant included.
 */
export function wonBackBy(waveAt: Date, purchasedAt: Date | null, rules: GrowthRules): boolean {
  if (purchasedAt === null) return false;
  const elapsed = purchasedAt.getTime() - waveAt.getTime();
  return elapsed >= 0 && elapsed <= rules.winBackMeasureDays * DAY_MS;
}

export interface WinBackOutcome {
  /** False: the member was held out and got nothing. */
  treated: boolean;
  /** Bought within the measure window of their wave (see wonBackBy). */
  returned: boolean;
}

export interface GroupRate {
  n: number;
  returned: number;
  /** returned / n as a plain number (0.3, not 30); null when the group is empty. */
  rate: number | null;
}

export interface WinBackReport {
  treated: GroupRate;
  holdout: GroupRate;
  /** Treated rate minus holdout rate; null when either group is empty. */
  difference: number | null;
  /** 95% confidence interval of the difference; null when either group is empty. */
  ci95: [number, number] | null;
}

/** The two-sided 95% normal quantile, Φ⁻¹(0.975). */
const Z95 = 1.959963984540054;

/**
 * Win-back rates of the treated and the held-out members, their difference and its 95% confidence interval by the
 * normal approximation for the difference of two independent proportions (Wald):
 *   d = p_t − p_h,  SE = √( p_t(1 − p_t)/n_t + p_h(1 − p_h)/n_h ),  CI = d ± 1.959963984540054 · SE.
 * Wald is what an operator can check by hand; it is too narrow for tiny groups or rates near 0 or 1, and when
 * both rates are 0 or 1 its interval collapses to the point d.
 */
export function winBackRate(members: readonly WinBackOutcome[]): WinBackReport {
  const treated = groupRate(members.filter((m) => m.treated));
  const holdout = groupRate(members.filter((m) => !m.treated));
  if (treated.rate === null || holdout.rate === null) return { treated, holdout, difference: null, ci95: null };
  const difference = treated.rate - holdout.rate;
  const se = Math.sqrt(
    (treated.rate * (1 - treated.rate)) / treated.n + (holdout.rate * (1 - holdout.rate)) / holdout.n,
  );
  return { treated, holdout, difference, ci95: [difference - Z95 * se, difference + Z95 * se] };
}

function groupRate(group: readonly WinBackOutcome[]): GroupRate {
  const returned = group.filter((m) => m.returned).length;
  return { n: group.length, returned, rate: group.length === 0 ? null : returned / group.length };
}
