import { describe, expect, it } from 'vitest';
import { DEFAULT_BRAND_RULES } from './brand-rules';
import { applyDraft, draftOf, draftProblems, versionInForce } from './rule-versions';

const now = new Date('2026-12-03T08:00:00Z');
const later = new Date('2026-12-10T00:00:00Z');

describe('brand rule drafts', () => {
  it('round-trips the rules in force, changing only what the draft says', () => {
    const draft = { ...draftOf(DEFAULT_BRAND_RULES), memberDay: { weekday: 3, thresholdFen: 5800 } };
    const next = applyDraft(DEFAULT_BRAND_RULES, draft, 'v2', later.toISOString());
    expect(next.memberDay).toEqual({ weekday: 3, thresholdFen: 5800, version: 'v2' });
    expect(next.tierTable).toEqual(DEFAULT_BRAND_RULES.tierTable);
    expect(next.timeZone).toBe(DEFAULT_BRAND_RULES.timeZone);
    expect(draftProblems(draft, later, now, DEFAULT_BRAND_RULES)).toEqual([]);
  });

  it('refuses a discount above its threshold, a table that does not increase, and a past effective time', () => {
    const draft = draftOf(DEFAULT_BRAND_RULES);
    draft.memberDay.thresholdFen = 500;
    draft.tiers[2].minGrowth = draft.tiers[1].minGrowth;
    const problems = draftProblems(draft, new Date(now.getTime() - 1000), now, DEFAULT_BRAND_RULES);
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['effectiveFrom', 'tiers.0.memberDayDiscountFen', 'tiers.2.minGrowth']),
    );
  });

  it('wants the effective time at least a minute ahead, so every process has the version first', () => {
    const soon = new Date(now.getTime() + 30_000);
    expect(draftProblems(draftOf(DEFAULT_BRAND_RULES), soon, now, DEFAULT_BRAND_RULES)[0]?.field).toBe('effectiveFrom');
  });

  it('reports range problems of the served rules against the draft', () => {
    const draft = { ...draftOf(DEFAULT_BRAND_RULES), returnWindowDays: 400 };
    expect(draftProblems(draft, later, now, DEFAULT_BRAND_RULES)).toEqual([
      { field: 'returnWindowDays', reason: expect.stringContaining('returnWindowDays') },
    ]);
  });
});

describe('versionInForce', () => {
  const versions = [
    { id: 1, effectiveFrom: '2026-01-01T00:00:00Z' },
    { id: 2, effectiveFrom: '2026-12-10T00:00:00Z' },
  ];
  it('is the latest version that has started', () => {
    expect(versionInForce(versions, now)?.id).toBe(1);
    expect(versionInForce(versions, later)?.id).toBe(2);
    expect(versionInForce(versions, new Date('2025-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('distribution money rules and the signup gift in a draft', () => {
  it('carries the commission pair, withdrawal limits and the gift into the new version', () => {
    const draft = draftOf(DEFAULT_BRAND_RULES);
    draft.distribution = { ...draft.distribution!, directRateBp: 1_500, withdrawReviewThresholdFen: 20_000 };
    draft.signupGift = { ...draft.signupGift!, enabled: false };
    expect(draftProblems(draft, later, now, DEFAULT_BRAND_RULES)).toEqual([]);
    const next = applyDraft(DEFAULT_BRAND_RULES, draft, 'v3', later.toISOString());
    expect(next.distribution).toMatchObject({
      directRateBp: 1_500,
      indirectRateBp: 300,
      withdrawReviewThresholdFen: 20_000,
    });
    expect(next.signupGift.enabled).toBe(false);
    // A client that sends no money rules keeps the base's.
    const { distribution: _d, signupGift: _g, ...older } = draftOf(DEFAULT_BRAND_RULES);
    expect(applyDraft(next, older, 'v4', later.toISOString()).distribution).toEqual(next.distribution);
  });

  it('refuses a commission pair above 50%, a daily cap below the minimum, naming the field', () => {
    const draft = draftOf(DEFAULT_BRAND_RULES);
    draft.distribution = { ...draft.distribution!, directRateBp: 4_000, indirectRateBp: 1_001 };
    expect(draftProblems(draft, later, now, DEFAULT_BRAND_RULES).map((p) => p.field)).toEqual([
      'distribution.indirectRateBp',
    ]);
    draft.distribution = {
      ...draft.distribution,
      indirectRateBp: 1_000,
      withdrawMinFen: 1_000,
      withdrawDailyLimitFen: 500,
    };
    expect(draftProblems(draft, later, now, DEFAULT_BRAND_RULES).map((p) => p.field)).toEqual([
      'distribution.withdrawDailyLimitFen',
    ]);
    draft.distribution = { ...draft.distribution, withdrawDailyLimitFen: 5_000 };
    draft.signupGift = { ...draft.signupGift!, validDays: 0 };
    expect(draftProblems(draft, later, now, DEFAULT_BRAND_RULES).map((p) => p.field)).toEqual(['signupGift.validDays']);
  });
});
