import { describe, expect, it } from 'vitest';
import {
  type SegmentCondition,
  type SegmentFactsRow,
  type SegmentRule,
  segmentMatches,
  segmentRuleProblems,
} from './segments';

const NOW = new Date('2026-12-03T02:00:00Z');
const DAY = 86_400_000;
const row = (over: Partial<SegmentFactsRow> = {}): SegmentFactsRow => ({
  memberId: 1,
  tierKey: 'SILVER',
  stage: 'MATURITY',
  relationship: 'REGULAR',
  homeStoreId: 3,
  spend365Fen: 50_000,
  orders365: 5,
  onlineOrders365: 3,
  dropOrders365: 0,
  tillOrders365: 2,
  lastPurchaseAt: new Date(NOW.getTime() - 10 * DAY),
  firstPurchaseAt: new Date(NOW.getTime() - 200 * DAY),
  birthMonth: 12,
  promoterId: null,
  ...over,
});

describe('segment rule validation', () => {
  it('accepts a nested rule over the whole catalogue', () => {
    const rule: SegmentRule = {
      combine: 'and',
      conditions: [
        { field: 'tier', op: 'in', value: ['GOLD', 'SILVER'] },
        { field: 'spend365Fen', op: 'between', value: { min: 10_000, max: null } },
        {
          combine: 'or',
          conditions: [
            { field: 'lastPurchaseDaysAgo', op: 'never' },
            { field: 'channel', op: 'notIn', value: ['DROP'] },
            { combine: 'and', conditions: [{ field: 'promoter', op: 'is', value: 7 }] },
          ],
        },
      ],
    };
    expect(segmentRuleProblems(rule)).toEqual([]);
  });

  it('names the path of an unknown field, a wrong operator and a bad value', () => {
    const problems = segmentRuleProblems({
      combine: 'and',
      conditions: [
        { field: 'tier', op: 'in', value: ['GOLD'] },
        { field: 'stage', op: 'between', value: { min: 1, max: 2 } },
        { field: 'shoeSize', op: 'in', value: [42] },
        { combine: 'or', conditions: [{ field: 'orders365', op: 'between', value: { min: 5, max: 2 } }] },
        { field: 'birthMonth', op: 'in', value: [13] },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'conditions[1].op',
      'conditions[2].field',
      'conditions[3].conditions[0].value.max',
      'conditions[4].value[0]',
    ]);
    expect(problems[1].message).toContain('shoeSize');
  });

  it('limits nesting to three levels and conditions to thirty', () => {
    const deep = {
      combine: 'and',
      conditions: [
        { combine: 'or', conditions: [{ combine: 'and', conditions: [{ combine: 'or', conditions: [] }] }] },
      ],
    };
    expect(segmentRuleProblems(deep).map((p) => p.path)).toEqual(['conditions[0].conditions[0].conditions[0]']);
    const many = { combine: 'or', conditions: Array.from({ length: 31 }, () => ({ field: 'promoter', op: 'any' })) };
    expect(segmentRuleProblems(many).map((p) => p.path)).toEqual(['conditions']);
    expect(segmentRuleProblems({ ...many, conditions: many.conditions.slice(1) })).toEqual([]);
  });

  it('refuses a range with no end and a list with nothing chosen', () => {
    const problems = segmentRuleProblems({
      combine: 'and',
      conditions: [
        { field: 'spend365Fen', op: 'between', value: { min: null, max: null } },
        { field: 'homeStore', op: 'in', value: [] },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual(['conditions[0].value', 'conditions[1].value']);
  });
});

describe('segment evaluation', () => {
  it('combines with and / or, empty and = everyone, empty or = nobody', () => {
    const gold: SegmentCondition = { field: 'tier', op: 'in', value: ['GOLD'] };
    const silver: SegmentCondition = { field: 'tier', op: 'in', value: ['SILVER'] };
    expect(segmentMatches({ combine: 'and', conditions: [] }, row(), NOW)).toBe(true);
    expect(segmentMatches({ combine: 'or', conditions: [] }, row(), NOW)).toBe(false);
    expect(segmentMatches({ combine: 'or', conditions: [gold, silver] }, row(), NOW)).toBe(true);
    expect(segmentMatches({ combine: 'and', conditions: [gold, silver] }, row(), NOW)).toBe(false);
  });

  it('counts whole days ago at the 24 h boundaries', () => {
    const rule: SegmentRule = {
      combine: 'and',
      conditions: [{ field: 'lastPurchaseDaysAgo', op: 'between', value: { min: 10, max: 10 } }],
    };
    const at = (ms: number) => row({ lastPurchaseAt: new Date(NOW.getTime() - ms) });
    expect(segmentMatches(rule, at(10 * DAY), NOW)).toBe(true);
    expect(segmentMatches(rule, at(11 * DAY - 1), NOW)).toBe(true);
    expect(segmentMatches(rule, at(11 * DAY), NOW)).toBe(false);
    expect(segmentMatches(rule, at(10 * DAY - 1), NOW)).toBe(false);
    expect(segmentMatches(rule, row({ lastPurchaseAt: null }), NOW)).toBe(false);
  });

  it('treats a null column as outside every in-list and inside every notIn-list', () => {
    const notIn: SegmentRule = { combine: 'and', conditions: [{ field: 'homeStore', op: 'notIn', value: [3] }] };
    expect(segmentMatches(notIn, row({ homeStoreId: null }), NOW)).toBe(true);
    expect(segmentMatches(notIn, row(), NOW)).toBe(false);
    const channel: SegmentRule = {
      combine: 'and',
      conditions: [{ field: 'channel', op: 'in', value: ['DROP', 'TILL'] }],
    };
    expect(segmentMatches(channel, row(), NOW)).toBe(true);
    expect(segmentMatches(channel, row({ tillOrders365: 0 }), NOW)).toBe(false);
  });
});
