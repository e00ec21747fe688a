import { InMemoryPointsLedger } from '@tidepool/shared';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { PointsAccount } from '../../src/modules/loyalty/points-account.entity';
import { PointsEntry } from '../../src/modules/loyalty/points-entry.entity';
import { PointsLot } from '../../src/modules/loyalty/points-lot.entity';
import { useLoyalty } from '../support/loyalty-module';

const START = new Date('2026-03-05T02:00:00Z'); // 10:00 in Shanghai
const DAY = 86_400_000;
const clock = new TestClock(START);
const harness = useLoyalty(clock);
beforeEach(() => clock.set(START));

let nextMember = 1000;
const newMember = () => ++nextMember;
const entries = (memberId: number) =>
  harness.ds.getRepository(PointsEntry).find({ where: { memberId }, order: { id: 'ASC' } });
const lots = (memberId: number) =>
  harness.ds.getRepository(PointsLot).find({ where: { memberId }, order: { id: 'ASC' } });
/** Idempotency keys are global (not per member): every test's source ids carry the member id. */
const sid = (memberId: number, id: string | number) => `${memberId}-${id}`;
const earn = (memberId: number, id: string | number, points: number, expiresAt?: Date) =>
  harness.loyalty.earn(memberId, {
    sourceType: 'order',
    sourceId: sid(memberId, id),
    points,
    reason: '购物获得积分',
    expiresAt,
  });
const redeem = (memberId: number, id: string | number, points: number) =>
  harness.loyalty.redeem(memberId, {
    sourceType: 'mall_redemption',
    sourceId: sid(memberId, id),
    points,
    reason: '兑换礼品',
  });
const order = (memberId: number, id: string) => ({ sourceType: 'order', sourceId: sid(memberId, id) });

describe('earn', () => {
  it('credits a lot expiring at the end of next year in Shanghai and shows it in summary and history', async () => {
    const m = newMember();
    const result = await earn(m, 1, 120);
    expect(result).toMatchObject({ kind: 'EARN', points: 120, available: 120, debt: 0, replayed: false });
    expect(result.createdAt.toISOString()).toBe(START.toISOString());
    const [lot] = await lots(m);
    expect(lot).toMatchObject({ points: 120, remaining: 120, status: 'ACTIVE', earnedEntryId: result.entryId });
    expect(lot?.expiresAt.toISOString()).toBe('2027-12-31T16:00:00.000Z');
    expect(await harness.loyalty.summary(m)).toEqual({
      points: 120,
      debt: 0,
      growth: 0,
      tier: 'NORMAL',
      expiringSoon: null,
    });
    const history = await harness.loyalty.history(m);
    expect(history).toMatchObject({ total: 1, hasMore: false, page: 1 });
    expect(history.items[0]).toMatchObject({ kind: 'EARN', points: 120, reason: '购物获得积分', availableAfter: 120 });
  });

  it('applies a key once: the repeat answers with the first result and writes nothing', async () => {
    const m = newMember();
    const first = await earn(m, 'A-1', 50);
    clock.advance(60_000);
    const again = await earn(m, 'A-1', 50);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await entries(m)).toHaveLength(1);
    expect((await harness.loyalty.summary(m)).points).toBe(50);
  });

  it('refuses the same key with a different amount or for another member (LOYALTY_REQUEST_CONFLICT)', async () => {
    const m = newMember();
    await earn(m, 'B-1', 50);
    await expect(earn(m, 'B-1', 51)).rejects.toMatchObject({ code: 'LOYALTY_REQUEST_CONFLICT', status: 409 });
    const sameKey = { ...order(m, 'B-1'), points: 50, reason: '购物获得积分' };
    await expect(harness.loyalty.earn(newMember(), sameKey)).rejects.toMatchObject({
      code: 'LOYALTY_REQUEST_CONFLICT',
    });
    expect(await entries(m)).toHaveLength(1);
  });

  it.each([0, -5, 1.5, Number.NaN])('rejects %s points with VALIDATION_FAILED', async (points) => {
    await expect(earn(newMember(), 'bad', points)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
  });

  it('rejects a bad source, an empty reason and an expiry in the past', async () => {
    const m = newMember();
    await expect(
      harness.loyalty.earn(m, { sourceType: 'Order:1', sourceId: 1, points: 1, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      harness.loyalty.earn(m, { sourceType: 'order', sourceId: '', points: 1, reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      harness.loyalty.earn(m, { sourceType: 'order', sourceId: sid(m, 1), points: 1, reason: '  ' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(earn(m, 'past', 10, new Date(START.getTime() - 1))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'expiresAt' }],
    });
    expect(await entries(m)).toHaveLength(0);
  });
});

describe('redeem', () => {
  it('spends the oldest-expiring lot first', async () => {
    const m = newMember();
    await earn(m, 'late', 100, new Date(START.getTime() + 300 * DAY));
    await earn(m, 'soon', 50, new Date(START.getTime() + 100 * DAY));
    const result = await redeem(m, 'r1', 70);
    expect(result).toMatchObject({ kind: 'REDEEM', points: -70, available: 80 });
    expect((await lots(m)).map((l) => [l.remaining, l.status])).toEqual([
      [80, 'ACTIVE'],
      [0, 'SPENT'],
    ]);
  });

  it('refuses more than is available with POINTS_INSUFFICIENT and changes nothing', async () => {
    const m = newMember();
    await earn(m, 1, 30);
    await expect(redeem(m, 'too-much', 31)).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT', status: 409 });
    await expect(redeem(newMember(), 'nothing', 1)).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' });
    expect(await entries(m)).toHaveLength(1);
    expect((await harness.loyalty.summary(m)).points).toBe(30);
    // The refused key is not burnt: once there are points, the same request goes through.
    await earn(m, 2, 1);
    expect(await redeem(m, 'too-much', 31)).toMatchObject({ available: 0, replayed: false });
  });

  it('never spends points past their expiry, even before the nightly job', async () => {
    const m = newMember();
    await earn(m, 'old', 100, new Date(START.getTime() + 10 * DAY));
    await earn(m, 'new', 20);
    clock.advance(10 * DAY);
    expect((await harness.loyalty.summary(m)).points).toBe(20);
    await expect(redeem(m, 'x', 50)).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' });
    await redeem(m, 'y', 20);
    expect((await entries(m)).map((e) => [e.kind, e.points, e.reason])).toEqual([
      ['EARN', 100, '购物获得积分'],
      ['EARN', 20, '购物获得积分'],
      ['EXPIRE', -100, '积分过期'],
      ['REDEEM', -20, '兑换礼品'],
    ]);
  });
});

describe('reverse', () => {
  it('takes back what an order earned; beyond the balance it records debt, repaid by the next earning', async () => {
    const m = newMember();
    await earn(m, 'o1', 100);
    await redeem(m, 'gift', 80);
    const reversal = await harness.loyalty.reverse(m, order(m, 'o1'));
    expect(reversal).toMatchObject({ kind: 'REVERSE', points: -100, available: 0, debt: 80 });
    expect(await harness.loyalty.summary(m)).toMatchObject({ points: 0, debt: 80 });

    const partial = await earn(m, 'o2', 50);
    expect(partial).toMatchObject({ available: 0, debt: 30 });
    expect((await lots(m)).at(-1)).toMatchObject({ points: 50, remaining: 0, status: 'SPENT' });
    await earn(m, 'o3', 50);
    expect(await harness.loyalty.summary(m)).toMatchObject({ points: 20, debt: 0 });
    const sum = (await entries(m)).reduce((s, e) => s + e.points, 0);
    expect(sum).toBe(20);
    const history = await harness.loyalty.history(m, { pageSize: 2 });
    expect(history).toMatchObject({ total: 5, hasMore: true, pageSize: 2 });
    expect(history.items.map((i) => i.kind)).toEqual(['EARN', 'EARN']);
    expect((await harness.loyalty.history(m, { page: 3, pageSize: 2 })).items.map((i) => i.reason)).toEqual([
      '购物获得积分',
    ]);
  });

  it('takes from the refunded order’s own lot first', async () => {
    const m = newMember();
    await earn(m, 'first', 40, new Date(START.getTime() + 100 * DAY));
    await earn(m, 'refunded', 60, new Date(START.getTime() + 300 * DAY));
    await harness.loyalty.reverse(m, { ...order(m, 'refunded'), points: 60 });
    expect((await lots(m)).map((l) => l.remaining)).toEqual([40, 0]);
  });

  it('allows partial refunds up to what the earning put in, each once', async () => {
    const m = newMember();
    await earn(m, 'o9', 60);
    const earnedBy = order(m, 'o9');
    await harness.loyalty.reverse(m, { sourceType: 'refund', sourceId: sid(m, 'r1'), points: 25, earnedBy });
    expect(
      await harness.loyalty.reverse(m, { sourceType: 'refund', sourceId: sid(m, 'r1'), points: 25, earnedBy }),
    ).toMatchObject({
      replayed: true,
    });
    await expect(
      harness.loyalty.reverse(m, { sourceType: 'refund', sourceId: sid(m, 'r2'), points: 36, earnedBy }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await harness.loyalty.reverse(m, { sourceType: 'refund', sourceId: sid(m, 'r2'), earnedBy })).toMatchObject({
      points: -35,
      available: 0,
    });
    await expect(
      harness.loyalty.reverse(m, { sourceType: 'refund', sourceId: sid(m, 'r3'), earnedBy }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('answers LOYALTY_SOURCE_NOT_FOUND for an earning that does not exist or is another member’s', async () => {
    const m = newMember();
    await earn(m, 'mine', 10);
    await expect(harness.loyalty.reverse(m, order(m, 'nope'))).rejects.toMatchObject({
      code: 'LOYALTY_SOURCE_NOT_FOUND',
      status: 404,
    });
    await expect(harness.loyalty.reverse(newMember(), order(m, 'mine'))).rejects.toMatchObject({
      code: 'LOYALTY_SOURCE_NOT_FOUND',
    });
  });
});

describe('adjust', () => {
  it('credits a lot when positive and debits (into debt if need be) when negative', async () => {
    const m = newMember();
    await harness.loyalty.adjust(m, {
      sourceType: 'adjustment',
      sourceId: sid(m, 1),
      points: 30,
      reason: '客服补偿积分',
    });
    const debit = await harness.loyalty.adjust(m, {
      sourceType: 'adjustment',
      sourceId: sid(m, 2),
      points: -50,
      reason: '积分更正',
    });
    expect(debit).toMatchObject({ kind: 'ADJUST', points: -50, available: 0, debt: 20 });
  });
});

describe('expireDue (nightly job)', () => {
  it('expires lots at the end of the following year, once, and reports what it did', async () => {
    const m = newMember();
    await earn(m, 'y2026', 300);
    clock.set(new Date('2027-12-05T00:00:00Z'));
    expect((await harness.loyalty.summary(m)).expiringSoon).toEqual({
      points: 300,
      at: new Date('2027-12-31T16:00:00Z'),
    });

    clock.set(new Date('2027-12-31T15:59:59.999Z'));
    await harness.loyalty.expireDue();
    expect(await entries(m)).toHaveLength(1);
    clock.set(new Date('2027-12-31T16:00:00Z'));
    const report = await harness.loyalty.expireDue();
    expect(report.lots).toBeGreaterThanOrEqual(1);
    expect(report.points).toBeGreaterThanOrEqual(300);
    expect(await harness.loyalty.expireDue()).toEqual({ members: 0, lots: 0, points: 0 });

    expect(await harness.loyalty.summary(m)).toMatchObject({ points: 0, expiringSoon: null });
    const last = (await entries(m)).at(-1);
    expect(last).toMatchObject({ kind: 'EXPIRE', points: -300, reason: '积分过期', sourceType: 'points_lot' });
    expect((await lots(m))[0]).toMatchObject({ status: 'EXPIRED', remaining: 0 });
  });

  it('expires only what is left of a partly spent lot, and a job run in the past does nothing', async () => {
    const m = newMember();
    await earn(m, 'p', 100, new Date(START.getTime() + DAY));
    await redeem(m, 'q', 40);
    expect(await harness.loyalty.expireDue(new Date(START.getTime() + DAY - 1))).toMatchObject({ lots: 0 });
    await harness.loyalty.expireDue(new Date(START.getTime() + DAY));
    expect((await entries(m)).map((e) => e.points)).toEqual([100, -40, -60]);
  });
});

describe('reconcile', () => {
  it('finds nothing wrong in an honest ledger and reports a tampered account row', async () => {
    const m = newMember();
    await earn(m, 'r', 10);
    const clean = await harness.loyalty.reconcile();
    expect(clean.mismatches).toEqual([]);
    expect(clean.pointsAccounts).toBeGreaterThan(0);

    await harness.ds.getRepository(PointsAccount).update({ memberId: m }, { available: 1000 });
    const report = await harness.loyalty.reconcile();
    expect(report.mismatches).toEqual([
      { memberId: m, check: 'POINTS_SUM', recorded: 1000, expected: 10 },
      { memberId: m, check: 'POINTS_LOTS', recorded: 1000, expected: 10 },
    ]);
    await harness.ds.getRepository(PointsAccount).update({ memberId: m }, { available: 10 });
    expect((await harness.loyalty.reconcile()).mismatches).toEqual([]);
  });
});

describe('the database ledger agrees with the pure model', () => {
  type Op = { op: 'earn' | 'redeem' | 'reverse' | 'expire'; days: number; points: number; validDays: number };
  const opArb = fc.record({
    op: fc.constantFrom('earn' as const, 'earn' as const, 'redeem' as const, 'reverse' as const, 'expire' as const),
    days: fc.integer({ min: 0, max: 120 }),
    points: fc.integer({ min: 1, max: 400 }),
    validDays: fc.integer({ min: 1, max: 400 }),
  });

  it('replays random sequences against both and compares balances, lots and entries', async () => {
    const sequences = fc.sample(fc.array(opArb, { minLength: 10, maxLength: 30 }), { numRuns: 4, seed: 42 });
    for (const ops of sequences as Op[][]) {
      const m = newMember();
      const model = new InMemoryPointsLedger();
      const earned: { source: string; lotId: number; points: number }[] = [];
      let day = 0;
      for (const [i, op] of ops.entries()) {
        day += op.days;
        const now = new Date(START.getTime() + day * DAY);
        clock.set(now);
        switch (op.op) {
          case 'earn': {
            const expiresAt = new Date(now.getTime() + op.validDays * DAY);
            model.earn(op.points, expiresAt, now);
            await earn(m, `s${i}`, op.points, expiresAt);
            earned.push({ source: `s${i}`, lotId: model.lots.length, points: op.points });
            break;
          }
          case 'redeem': {
            let refused = false;
            try {
              model.redeem(op.points, now);
            } catch {
              refused = true;
            }
            const db = redeem(m, `s${i}`, op.points);
            if (refused) await expect(db).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' });
            else await db;
            break;
          }
          case 'reverse': {
            const target = earned.shift();
            if (!target) break;
            model.reverse(target.points, now, target.lotId);
            await harness.loyalty.reverse(m, order(m, target.source));
            break;
          }
          case 'expire':
            model.expire(now);
            await harness.loyalty.expireDue(now);
            break;
        }
        const account = await harness.ds.getRepository(PointsAccount).findOneBy({ memberId: m });
        expect({ available: account?.available ?? 0, debt: account?.debt ?? 0 }).toEqual(model.balance);
      }
      expect((await lots(m)).map((l) => [l.points, l.remaining, l.status])).toEqual(
        model.lots.map((l) => [l.points, l.remaining, l.status]),
      );
      expect((await entries(m)).map((e) => [e.kind, e.points, e.availableAfter, e.debtAfter])).toEqual(
        model.entries.map((e) => [e.kind, e.points, e.balanceAfter.available, e.balanceAfter.debt]),
      );
    }
    expect((await harness.loyalty.reconcile()).mismatches).toEqual([]);
  });
});
