import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryPointsLedger } from './in-memory-points-ledger';
import { compareLots, isLotOpen, PointsLedgerError, type LedgerLot, usableLots } from './points-ledger';

const DAY = 86_400_000;
const T0 = new Date('2026-01-01T00:00:00Z').getTime();
const at = (days: number) => new Date(T0 + days * DAY);

describe('points ledger examples', () => {
  it('spends the oldest-expiring lot first, whatever order the lots were earned in', () => {
    const ledger = new InMemoryPointsLedger();
    ledger.earn(100, at(300), at(0)); // lot 1, expires later
    ledger.earn(50, at(100), at(1)); // lot 2, expires first
    const plan = ledger.redeem(70, at(2));
    expect(plan.takes).toEqual([
      { lotId: 2, points: 50, remainingAfter: 0 },
      { lotId: 1, points: 20, remainingAfter: 80 },
    ]);
    expect(ledger.balance).toEqual({ available: 80, debt: 0 });
    expect(ledger.lots.map((l) => [l.id, l.remaining, l.status])).toEqual([
      [1, 80, 'ACTIVE'],
      [2, 0, 'SPENT'],
    ]);
  });

  it('refuses to redeem more than is available and changes nothing', () => {
    const ledger = new InMemoryPointsLedger();
    ledger.earn(100, at(300), at(0));
    expect(() => ledger.redeem(101, at(1))).toThrow(PointsLedgerError);
    expect(ledger.balance).toEqual({ available: 100, debt: 0 });
    expect(ledger.entries).toHaveLength(1);
  });

  it('does not spend a lot past its expiry: it expires it first', () => {
    const ledger = new InMemoryPointsLedger();
    ledger.earn(100, at(10), at(0));
    ledger.earn(30, at(300), at(0));
    expect(() => ledger.redeem(50, at(10))).toThrow(expect.objectContaining({ code: 'POINTS_INSUFFICIENT' }));
    const plan = ledger.redeem(30, at(10));
    expect(plan.expired).toEqual([{ lotId: 1, points: 100, remainingAfter: 0 }]);
    expect(ledger.entries.map((e) => [e.kind, e.points])).toEqual([
      ['EARN', 100],
      ['EARN', 30],
      ['EXPIRE', -100],
      ['REDEEM', -30],
    ]);
    expect(ledger.balance).toEqual({ available: 0, debt: 0 });
  });

  it('turns a reversal beyond the balance into debt, repaid by the next earning before it is available', () => {
    const ledger = new InMemoryPointsLedger();
    ledger.earn(100, at(300), at(0)); // lot 1 (the order)
    ledger.redeem(80, at(1));
    const reverse = ledger.reverse(100, at(2), 1);
    expect(reverse.takes).toEqual([{ lotId: 1, points: 20, remainingAfter: 0 }]);
    expect(reverse.debtAdded).toBe(80);
    expect(ledger.balance).toEqual({ available: 0, debt: 80 });
    expect(ledger.entrySum()).toBe(-80);

    const partial = ledger.earn(50, at(400), at(3));
    expect(partial).toMatchObject({ repaid: 50, newLotRemaining: 0 });
    expect(ledger.balance).toEqual({ available: 0, debt: 30 });
    ledger.earn(50, at(400), at(4));
    expect(ledger.balance).toEqual({ available: 20, debt: 0 });
    expect(ledger.lots.map((l) => [l.remaining, l.status])).toEqual([
      [0, 'SPENT'],
      [0, 'SPENT'],
      [20, 'ACTIVE'],
    ]);
    expect(ledger.entrySum()).toBe(20);
  });

  it('reverses from the source lot first, then oldest-expiring first', () => {
    const ledger = new InMemoryPointsLedger();
    ledger.earn(40, at(100), at(0)); // lot 1
    ledger.earn(60, at(300), at(0)); // lot 2: the refunded order
    const plan = ledger.reverse(80, at(1), 2);
    expect(plan.takes).toEqual([
      { lotId: 2, points: 60, remainingAfter: 0 },
      { lotId: 1, points: 20, remainingAfter: 20 },
    ]);
  });

  it('rejects non-positive and fractional points and an expiry not after now', () => {
    const ledger = new InMemoryPointsLedger();
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => ledger.earn(bad, at(10), at(0))).toThrow(expect.objectContaining({ code: 'INVALID_POINTS' }));
      expect(() => ledger.redeem(bad, at(0))).toThrow(expect.objectContaining({ code: 'INVALID_POINTS' }));
    }
    expect(() => ledger.earn(5, at(0), at(0))).toThrow(expect.objectContaining({ code: 'INVALID_EXPIRY' }));
  });
});

type Command =
  | { op: 'earn'; advanceDays: number; points: number; validDays: number }
  | { op: 'redeem'; advanceDays: number; points: number }
  | { op: 'reverse'; advanceDays: number; points: number; lotPick: number }
  | { op: 'expire'; advanceDays: number };

const advance = fc.integer({ min: 0, max: 200 });
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    op: fc.constant('earn' as const),
    advanceDays: advance,
    points: fc.integer({ min: 1, max: 1000 }),
    validDays: fc.integer({ min: 1, max: 700 }),
  }),
  fc.record({ op: fc.constant('redeem' as const), advanceDays: advance, points: fc.integer({ min: 1, max: 1500 }) }),
  fc.record({
    op: fc.constant('reverse' as const),
    advanceDays: advance,
    points: fc.integer({ min: 1, max: 1500 }),
    lotPick: fc.integer({ min: -1, max: 30 }),
  }),
  fc.record({ op: fc.constant('expire' as const), advanceDays: advance }),
);

const snapshot = (ledger: InMemoryPointsLedger) => ({
  balance: { ...ledger.balance },
  lots: ledger.lots.map((l) => ({ ...l })),
  entries: ledger.entries.length,
});

const openSum = (lots: readonly LedgerLot[]) => lots.filter(isLotOpen).reduce((s, l) => s + l.remaining, 0);

describe('points ledger model (fast-check)', () => {
  it('property: any sequence keeps the invariants an auditor checks', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { maxLength: 60 }), (commands) => {
        const ledger = new InMemoryPointsLedger();
        let day = 0;
        for (const command of commands) {
          day += command.advanceDays;
          const now = at(day);
          const before = snapshot(ledger);
          const usableBefore = usableLots(ledger.lots, now);
          const dueBefore = ledger.lots.filter((l) => isLotOpen(l) && l.expiresAt <= now);
          const availableAfterExpiry = before.balance.available - dueBefore.reduce((s, l) => s + l.remaining, 0);
          let refused = false;

          switch (command.op) {
            case 'earn': {
              const plan = ledger.earn(command.points, at(day + command.validDays), now);
              // Debt is repaid before any of the new points become available.
              const repaid = Math.min(before.balance.debt, command.points);
              expect(plan.repaid).toBe(repaid);
              expect(ledger.balance.debt).toBe(before.balance.debt - repaid);
              expect(ledger.balance.available).toBe(availableAfterExpiry + command.points - repaid);
              expect(ledger.lots.at(-1)?.remaining).toBe(command.points - repaid);
              break;
            }
            case 'redeem': {
              if (command.points > availableAfterExpiry) {
                expect(() => ledger.redeem(command.points, now)).toThrow(
                  expect.objectContaining({ code: 'POINTS_INSUFFICIENT' }),
                );
                // A refused redemption changes nothing at all (not even the expiries it would have written).
                expect(snapshot(ledger)).toEqual(before);
                refused = true;
                break;
              }
              const plan = ledger.redeem(command.points, now);
              expect(plan.takes.reduce((s, t) => s + t.points, 0)).toBe(command.points);
              // FIFO: the lots taken are a prefix of the spending order, all but the last used up.
              plan.takes.forEach((take, i) => {
                expect(take.lotId).toBe(usableBefore[i]?.id);
                if (i < plan.takes.length - 1) expect(take.remainingAfter).toBe(0);
              });
              expect(ledger.balance.available).toBe(availableAfterExpiry - command.points);
              break;
            }
            case 'reverse': {
              const sourceLot = command.lotPick >= 0 ? ledger.lots[command.lotPick]?.id : undefined;
              const plan = ledger.reverse(command.points, now, sourceLot);
              const taken = Math.min(command.points, availableAfterExpiry);
              expect(plan.takes.reduce((s, t) => s + t.points, 0)).toBe(taken);
              expect(plan.debtAdded).toBe(command.points - taken);
              expect(ledger.balance.debt).toBe(before.balance.debt + command.points - taken);
              const source = usableBefore.find((l) => l.id === sourceLot);
              if (source && taken > 0) expect(plan.takes[0]?.lotId).toBe(source.id);
              break;
            }
            case 'expire': {
              const plan = ledger.expire(now);
              expect(plan.expired.map((t) => t.lotId)).toEqual([...dueBefore].sort(compareLots).map((l) => l.id));
              break;
            }
          }

          // Lots expire oldest first: after any operation nothing left open is due, and every lot ever expired
          // expired no later than any lot still open.
          const open = ledger.lots.filter(isLotOpen);
          if (!refused) expect(open.every((l) => l.expiresAt > now)).toBe(true);
          const expired = ledger.lots.filter((l) => l.status === 'EXPIRED');
          const lastExpired = Math.max(-Infinity, ...expired.map((l) => l.expiresAt.getTime()));
          expect(open.every((l) => l.expiresAt.getTime() >= lastExpired)).toBe(true);

          // The balance equals the sum of entries; the available part equals the open lots; neither is negative.
          expect(ledger.balance.available).toBeGreaterThanOrEqual(0);
          expect(ledger.balance.debt).toBeGreaterThanOrEqual(0);
          expect(ledger.balance.available - ledger.balance.debt).toBe(ledger.entrySum());
          expect(ledger.balance.available).toBe(openSum(ledger.lots));
          // Debt and available points never coexist: points go to the debt first.
          if (ledger.balance.debt > 0) expect(ledger.balance.available).toBe(0);
          // Every entry's running balance is consistent with the entries before it.
          let running = 0;
          for (const entry of ledger.entries) {
            running += entry.points;
            expect(entry.balanceAfter.available - entry.balanceAfter.debt).toBe(running);
            expect(entry.balanceAfter.available).toBeGreaterThanOrEqual(0);
          }
          for (const lot of ledger.lots) {
            expect(lot.remaining).toBeGreaterThanOrEqual(0);
            expect(lot.remaining).toBeLessThanOrEqual(lot.points);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
