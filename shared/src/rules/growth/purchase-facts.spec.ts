import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { homeStoreOf, medianGapDays, type StoreVisits } from './purchase-facts';

const DAY = 86_400_000;

describe('medianGapDays', () => {
  it('is null with fewer than two purchases', () => {
    expect(medianGapDays([])).toBeNull();
    expect(medianGapDays([DAY])).toBeNull();
  });

  it('takes the middle gap, or the mean of the middle two', () => {
    expect(medianGapDays([0, 10 * DAY, 12 * DAY])).toBe(6);
    expect(medianGapDays([0, 1 * DAY, 4 * DAY, 10 * DAY])).toBe(3);
    expect(medianGapDays([5 * DAY, 0])).toBe(5);
  });

  it('does not depend on the order the purchases come in, and lies between the smallest and largest gap', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 800 * DAY }), { minLength: 2, maxLength: 30 }), (times) => {
        const median = medianGapDays(times);
        expect(medianGapDays([...times].reverse())).toBe(median);
        const sorted = [...times].sort((a, b) => a - b);
        const gaps = sorted.slice(1).map((t, i) => (t - sorted[i]) / DAY);
        expect(median).not.toBeNull();
        expect(median!).toBeGreaterThanOrEqual(Math.min(...gaps));
        expect(median!).toBeLessThanOrEqual(Math.max(...gaps));
        // At least half the gaps are at most the median, and at least half at least it.
        expect(gaps.filter((g) => g <= median!).length * 2).toBeGreaterThanOrEqual(gaps.length);
        expect(gaps.filter((g) => g >= median!).length * 2).toBeGreaterThanOrEqual(gaps.length);
      }),
    );
  });
});

describe('homeStoreOf', () => {
  it('is the signup store without any store purchase', () => {
    expect(homeStoreOf([], 7)).toBe(7);
    expect(homeStoreOf([], null)).toBeNull();
  });

  it('prefers the most purchases, then the latest, then the lower id', () => {
    expect(
      homeStoreOf(
        [
          { storeId: 1, purchases: 2, lastAtMs: 100 },
          { storeId: 2, purchases: 3, lastAtMs: 50 },
        ],
        9,
      ),
    ).toBe(2);
    expect(
      homeStoreOf(
        [
          { storeId: 1, purchases: 2, lastAtMs: 100 },
          { storeId: 2, purchases: 2, lastAtMs: 50 },
        ],
        9,
      ),
    ).toBe(1);
    expect(
      homeStoreOf(
        [
          { storeId: 4, purchases: 2, lastAtMs: 100 },
          { storeId: 3, purchases: 2, lastAtMs: 100 },
        ],
        null,
      ),
    ).toBe(3);
  });

  it('does not depend on the order of the visits, and picks a store with the most purchases', () => {
    const visits = fc.uniqueArray(
      fc.record({
        storeId: fc.integer({ min: 1, max: 20 }),
        purchases: fc.integer({ min: 1, max: 5 }),
        lastAtMs: fc.integer({ min: 0, max: 10 }),
      }),
      { selector: (v: StoreVisits) => v.storeId, minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(visits, (list) => {
        const home = homeStoreOf(list, null);
        expect(homeStoreOf([...list].reverse(), null)).toBe(home);
        const most = Math.max(...list.map((v) => v.purchases));
        expect(list.find((v) => v.storeId === home)?.purchases).toBe(most);
      }),
    );
  });
});
