import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GROWTH_RULES as R, type MemberFacts } from './growth-rules';
import {
  isWinBackCandidate,
  LIFECYCLE_STAGE_LABELS,
  LIFECYCLE_TABLE,
  lifecycleRow,
  lifecycleStage,
  RELATIONSHIP_LEVEL_LABELS,
  RELATIONSHIP_TABLE,
  relationshipLevel,
  relationshipRow,
} from './lifecycle';

const DAY = 86_400_000;
const NOW = new Date('2026-06-01T04:00:00.000Z');
const ago = (days: number): Date => new Date(NOW.getTime() - days * DAY);

const NEVER_BOUGHT: MemberFacts = {
  firstPurchaseAt: null,
  lastPurchaseAt: null,
  orders365: 0,
  spend365Fen: 0,
  typicalGapDays: null,
  signedUp: true,
  isPromoter: false,
  promoterCustomersWhoBought: 0,
};

/** A member who first bought `first` days ago, last bought `last` days ago, with `orders` orders in the year. */
function buyer(first: number, last: number, orders: number, typicalGapDays: number | null = null): MemberFacts {
  return {
    ...NEVER_BOUGHT,
    firstPurchaseAt: ago(first),
    lastPurchaseAt: ago(last),
    orders365: orders,
    spend365Fen: orders * 4000,
    typicalGapDays: orders >= 2 ? (typicalGapDays ?? 10) : null,
  };
}

describe('lifecycle stage table', () => {
  const cases: [string, MemberFacts, string, string][] = [
    ['never bought', NEVER_BOUGHT, 'NO_PURCHASE', 'INTRODUCTION'],
    ['last purchase 120 days + 1 ms ago', buyer(300, 120 + 1 / DAY, 4), 'CHURNED', 'CHURNED'],
    ['a one-time buyer 200 days ago', buyer(200, 200, 1), 'CHURNED', 'CHURNED'],
    ['first purchase today', buyer(0, 0, 1), 'GOLDEN', 'GROWTH'],
    ['first purchase exactly 14 days ago', buyer(14, 14, 1), 'GOLDEN', 'GROWTH'],
    ['golden window beats a slipping rhythm', buyer(10, 5, 4, 1), 'GOLDEN', 'GROWTH'],
    ['frequent, last purchase exactly 30 days ago', buyer(200, 30, 4), 'SLIPPING', 'DECLINE'],
    ['frequent, last purchase exactly 120 days ago', buyer(300, 120, 5), 'SLIPPING', 'DECLINE'],
    ['repeat buyer, last purchase 40 days ago', buyer(100, 40, 2), 'SLIPPING', 'DECLINE'],
    ['frequent, 10 days since, twice a 4-day gap passed', buyer(90, 10, 8, 4), 'SLIPPING', 'DECLINE'],
    ['frequent, 8 days since, exactly twice a 4-day gap', buyer(90, 8, 8, 4), 'FREQUENT', 'MATURITY'],
    ['frequent and recent', buyer(200, 29, 4, 20), 'FREQUENT', 'MATURITY'],
    ['one purchase 20 days ago', buyer(20, 20, 1), 'BOUGHT', 'GROWTH'],
    ['one purchase 100 days ago (no rhythm to slip from)', buyer(100, 100, 1), 'BOUGHT', 'GROWTH'],
    ['three orders, recent', buyer(90, 5, 3, 30), 'BOUGHT', 'GROWTH'],
  ];
  it.each(cases)('%s → %s / %s', (_name, facts, rowId, stage) => {
    const row = lifecycleRow(facts, NOW, R);
    expect(row.id).toBe(rowId);
    expect(lifecycleStage(facts, NOW, R)).toBe(stage);
  });

  it('exercises every row of the table', () => {
    expect(new Set(cases.map((c) => c[2]))).toEqual(new Set(LIFECYCLE_TABLE.map((r) => r.id)));
  });

  it('labels every stage in Chinese', () => {
    expect(Object.values(LIFECYCLE_STAGE_LABELS)).toEqual(['引入', '成长', '成熟', '衰退', '流失']);
  });
});

describe('relationship ladder table', () => {
  const cases: [string, MemberFacts, string, string][] = [
    ['a visitor who never signed up', { ...NEVER_BOUGHT, signedUp: false }, 'VISITOR', 'PROSPECT'],
    [
      'a promoter whose customer bought, not a buyer themselves',
      { ...NEVER_BOUGHT, isPromoter: true, promoterCustomersWhoBought: 1 },
      'PROMOTER',
      'AMBASSADOR',
    ],
    ['a member without a purchase', NEVER_BOUGHT, 'NO_PURCHASE', 'FAN'],
    [
      'a promoter whose customers have not bought yet',
      { ...NEVER_BOUGHT, isPromoter: true, promoterCustomersWhoBought: 0 },
      'NO_PURCHASE',
      'FAN',
    ],
    ['two orders in the year', buyer(100, 10, 2), 'REPEAT', 'REGULAR'],
    ['one order', buyer(10, 10, 1), 'BOUGHT', 'CUSTOMER'],
    ['bought long ago, nothing this year', buyer(500, 400, 0), 'BOUGHT', 'CUSTOMER'],
  ];
  it.each(cases)('%s → %s / %s', (_name, facts, rowId, level) => {
    expect(relationshipRow(facts, R).id).toBe(rowId);
    expect(relationshipLevel(facts, R)).toBe(level);
  });

  it('exercises every row of the table', () => {
    expect(new Set(cases.map((c) => c[2]))).toEqual(new Set(RELATIONSHIP_TABLE.map((r) => r.id)));
  });

  it('labels every level in Chinese', () => {
    expect(Object.values(RELATIONSHIP_LEVEL_LABELS)).toEqual(['潜客', '粉丝', '顾客', '熟客', '大使']);
  });
});

describe('win-back candidates', () => {
  it.each([
    ['frequent, 30 days since', buyer(200, 30, 4), true],
    ['frequent, 120 days since', buyer(300, 120, 4), true],
    ['frequent, 29 days since, typical gap 20', buyer(200, 29, 4, 20), false],
    ['frequent, 25 days since, typical gap 10', buyer(200, 25, 6, 10), true],
    ['frequent, 121 days since (churned)', buyer(300, 121, 4), false],
    ['three orders, 60 days since', buyer(200, 60, 3), false],
    ['never bought', NEVER_BOUGHT, false],
  ])('%s → %s', (_name, facts, expected) => {
    expect(isWinBackCandidate(facts, NOW, R)).toBe(expected);
  });
});

/** Days as whole milliseconds, so that every boundary (exactly 14, 30, 120 days) can come up. */
const day = fc.integer({ min: 0, max: 800 * DAY }).map((ms) => ms / DAY);
const arbFacts: fc.Arbitrary<MemberFacts> = fc
  .record({
    bought: fc.boolean(),
    a: day,
    b: day,
    orders365: fc.integer({ min: 0, max: 60 }),
    typicalGapDays: fc.option(fc.double({ min: 0, max: 200, noNaN: true })),
    signedUp: fc.boolean(),
    isPromoter: fc.boolean(),
    promoterCustomersWhoBought: fc.integer({ min: 0, max: 5 }),
  })
  .map((x) => ({
    firstPurchaseAt: x.bought ? ago(Math.max(x.a, x.b)) : null,
    lastPurchaseAt: x.bought ? ago(Math.min(x.a, x.b)) : null,
    orders365: x.bought ? x.orders365 : 0,
    spend365Fen: x.bought ? x.orders365 * 3000 : 0,
    typicalGapDays: x.bought ? x.typicalGapDays : null,
    signedUp: x.signedUp,
    isPromoter: x.isPromoter,
    promoterCustomersWhoBought: x.promoterCustomersWhoBought,
  }));

describe('stage and ladder properties', () => {
  it('a member who never bought is INTRODUCTION, and FAN, PROSPECT or AMBASSADOR', () => {
    fc.assert(
      fc.property(arbFacts, day, (facts, later) => {
        const never = { ...facts, firstPurchaseAt: null, lastPurchaseAt: null, orders365: 0, typicalGapDays: null };
        const now = new Date(NOW.getTime() + later * DAY);
        expect(lifecycleStage(never, now, R)).toBe('INTRODUCTION');
        const expected = !never.signedUp
          ? 'PROSPECT'
          : never.isPromoter && never.promoterCustomersWhoBought >= R.ambassadorMinCustomers
            ? 'AMBASSADOR'
            : 'FAN';
        expect(relationshipLevel(never, R)).toBe(expected);
      }),
    );
  });

  it('a member who does not buy again never leaves CHURNED as time passes', () => {
    // Facts with a purchase, moved back in time until the last purchase is past the churn window.
    const churned = arbFacts
      .filter((f) => f.lastPurchaseAt !== null)
      .chain((f) =>
        fc.integer({ min: 1, max: 400 * DAY }).map((extra): MemberFacts => {
          const last = f.lastPurchaseAt ?? NOW;
          const first = f.firstPurchaseAt ?? last;
          const shift = last.getTime() - (NOW.getTime() - R.churnAfterDays * DAY - extra);
          return {
            ...f,
            firstPurchaseAt: new Date(first.getTime() - shift),
            lastPurchaseAt: new Date(last.getTime() - shift),
          };
        }),
      );
    fc.assert(
      fc.property(churned, day, (facts, later) => {
        expect(lifecycleStage(facts, NOW, R)).toBe('CHURNED');
        expect(lifecycleStage(facts, new Date(NOW.getTime() + later * DAY), R)).toBe('CHURNED');
      }),
    );
  });

  it('stage and level depend on the facts and now only', () => {
    fc.assert(
      fc.property(arbFacts, (facts) => {
        const copy: MemberFacts = {
          ...facts,
          firstPurchaseAt: facts.firstPurchaseAt && new Date(facts.firstPurchaseAt.getTime()),
          lastPurchaseAt: facts.lastPurchaseAt && new Date(facts.lastPurchaseAt.getTime()),
        };
        const first = lifecycleStage(facts, NOW, R);
        // Another member judged in between must not leave anything behind.
        lifecycleStage({ ...facts, orders365: facts.orders365 + 7 }, ago(-3), R);
        expect(lifecycleStage(copy, new Date(NOW.getTime()), R)).toBe(first);
        expect(lifecycleStage(facts, NOW, R)).toBe(first);
        expect(relationshipLevel(copy, R)).toBe(relationshipLevel(facts, R));
      }),
    );
  });

  it('a win-back candidate is exactly a frequent member in DECLINE', () => {
    fc.assert(
      fc.property(arbFacts, (facts) => {
        const stage = lifecycleStage(facts, NOW, R);
        expect(isWinBackCandidate(facts, NOW, R)).toBe(facts.orders365 >= R.frequentOrders && stage === 'DECLINE');
      }),
    );
  });

  it('a bought member is never INTRODUCTION, and only a member with a purchase is CUSTOMER or REGULAR', () => {
    fc.assert(
      fc.property(arbFacts, (facts) => {
        const bought = facts.lastPurchaseAt !== null;
        expect(lifecycleStage(facts, NOW, R) === 'INTRODUCTION').toBe(!bought);
        if (['CUSTOMER', 'REGULAR'].includes(relationshipLevel(facts, R))) expect(bought).toBe(true);
      }),
    );
  });
});
