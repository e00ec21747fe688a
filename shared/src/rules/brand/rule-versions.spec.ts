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
