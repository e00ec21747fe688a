import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_TABLE } from '../loyalty/tiers';
import { brandRulesProblems, DEFAULT_BRAND_RULES, isTimeZone } from './brand-rules';

describe('brand rules', () => {
  it('accepts the demo brand', () => {
    expect(brandRulesProblems(DEFAULT_BRAND_RULES)).toEqual([]);
  });

  it('names every problem of a broken rule set', () => {
    const problems = brandRulesProblems({
      ...DEFAULT_BRAND_RULES,
      version: ' ',
      effectiveFrom: 'soon',
      timeZone: 'Mars/Olympus',
      tierTable: [DEFAULT_TIER_TABLE[1], DEFAULT_TIER_TABLE[0]],
      points: { ...DEFAULT_BRAND_RULES.points, birthdayMultiplier: 1.5 },
      memberDay: { ...DEFAULT_BRAND_RULES.memberDay, weekday: 7 },
      returnWindowDays: -1,
    });
    expect(problems).toEqual([
      'version must not be empty',
      'effectiveFrom must be an ISO instant',
      'timeZone "Mars/Olympus" is not an IANA time zone',
      'tierTable must have exactly one row per tier (NORMAL, SILVER, GOLD)',
      'the first tier must start at growth 0',
      'tiers must be in increasing minGrowth',
      'points.birthdayMultiplier must be an integer in 1..10 (got 1.5)',
      'memberDay.weekday must be an integer in 0..6 (got 7)',
      'returnWindowDays must be an integer in 0..90 (got -1)',
    ]);
  });

  it('checks the growth rules it carries, naming them under growth.', () => {
    const growth = { ...DEFAULT_BRAND_RULES.growth, churnAfterDays: 10 };
    expect(brandRulesProblems({ ...DEFAULT_BRAND_RULES, growth })).toEqual([
      'growth.churnAfterDays must be after atRiskFromDays',
      'growth.goldenWindowDays must end before churnAfterDays',
    ]);
  });

  it('knows an IANA zone from an offset or a typo', () => {
    expect(isTimeZone('Asia/Hong_Kong')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('+08:00')).toBe(false);
    expect(isTimeZone('Asia/Shanghia')).toBe(false);
  });
});
