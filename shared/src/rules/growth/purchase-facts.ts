const DAY_MS = 86_400_000;

/** The window the facts' counts and spend cover, ending at the moment of evaluation. */
export const FACTS_WINDOW_DAYS = 365;

/**
 * The median gap in days (fractional) between consecutive purchases, from the purchase instants in any order;
 * null with fewer than two. With an even number of gaps it is the mean of the middle two.
 */
export function medianGapDays(purchaseTimesMs: readonly number[]): number | null {
  if (purchaseTimesMs.length < 2) return null;
  const sorted = [...purchaseTimesMs].sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) gaps.push((sorted[i] - sorted[i - 1]) / DAY_MS);
  gaps.sort((a, b) => a - b);
  const middle = gaps.length >> 1;
  return gaps.length % 2 === 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2;
}

/** How often a member bought in one store (till sales and pickups), and when last. */
export interface StoreVisits {
  storeId: number;
  purchases: number;
  lastAtMs: number;
}

/**
 * The member's home store: the store with the most purchases (till sales and pickups); on a tie the one bought in
 * most recently, then the lower id, so that the answer never depends on row order. Without any, the signup store.
 */
export function homeStoreOf(visits: readonly StoreVisits[], signupStoreId: number | null): number | null {
  let best: StoreVisits | null = null;
  for (const visit of visits) {
    if (visit.purchases <= 0) continue;
    if (
      best === null ||
      visit.purchases > best.purchases ||
      (visit.purchases === best.purchases && visit.lastAtMs > best.lastAtMs) ||
      (visit.purchases === best.purchases && visit.lastAtMs === best.lastAtMs && visit.storeId < best.storeId)
    ) {
      best = visit;
    }
  }
  return best ? best.storeId : signupStoreId;
}

/** The start of the 365-day window ending at `now` (inclusive). */
export function factsWindowStart(now: Date): Date {
  return new Date(now.getTime() - FACTS_WINDOW_DAYS * DAY_MS);
}
