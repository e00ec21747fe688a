import { describe, expect, it } from 'vitest';
import { DEFAULT_GROWTH_RULES, growthRulesProblems } from './growth-rules';

describe('growth rules', () => {
  it('accepts the seed brand', () => {
    expect(growthRulesProblems(DEFAULT_GROWTH_RULES)).toEqual([]);
  });

  it('names the field of every problem', () => {
    const problems = growthRulesProblems({
      ...DEFAULT_GROWTH_RULES,
      goldenWindowDays: 0,
      goldenThresholdFen: 35.5,
      goldenPaymentMethod: 'UNSPECIFIED',
      frequentOrders: 1,
      atRiskGapMultiple: Number.NaN,
      churnAfterDays: 30,
      holdoutBp: 10_000,
      winBackMeasureDays: 91,
    });
    expect(problems).toEqual([
      'goldenWindowDays must be an integer in 1..90 (got 0)',
      'goldenThresholdFen must be an integer in 0..100000000 (got 35.5)',
      'goldenPaymentMethod must be one of WECHAT_PAY, ALIPAY, CASH, BANK_CARD',
      'frequentOrders must be an integer in 2..365 (got 1)',
      'frequentOrders must be at least repeatOrders',
      'atRiskGapMultiple must be a number in 1..10 (got NaN)',
      'churnAfterDays must be after atRiskFromDays',
      'holdoutBp must be an integer in 0..5000 (got 10000)',
      'winBackMeasureDays must be an integer in 1..90 (got 91)',
    ]);
  });

  it('refuses a golden window that outlasts the churn window', () => {
    expect(growthRulesProblems({ ...DEFAULT_GROWTH_RULES, goldenWindowDays: 60, churnAfterDays: 60 })).toEqual([
      'goldenWindowDays must end before churnAfterDays',
    ]);
  });
});
