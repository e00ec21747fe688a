import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { GrowthEntry } from '../../src/modules/loyalty/growth-entry.entity';
import { LoyaltyService } from '../../src/modules/loyalty/loyalty.service';
import { PointsAccount } from '../../src/modules/loyalty/points-account.entity';
import { PointsEntry } from '../../src/modules/loyalty/points-entry.entity';
import { PointsLot } from '../../src/modules/loyalty/points-lot.entity';
import { bootLoyalty, type LoyaltyHarness } from '../support/loyalty-module';
import { usingMysql } from '../support/test-app';

/**
 * Concurrency of the ledger. On MariaDB (`DATABASE_URL=…`) the calls really race on separate pooled connections
 * and row locks; on SQLite they are serialised by the module. Either way the outcomes must be the same.
 */
const START = new Date('2026-03-05T02:00:00Z');
const DAY = 86_400_000;
const clock = new TestClock(START);
let harness: LoyaltyHarness;
let loyalty: LoyaltyService;
let ds: DataSource;

beforeAll(async () => {
  harness = await bootLoyalty(clock);
  loyalty = harness.loyalty;
  ds = harness.ds;
});
afterAll(() => harness.close());

let nextMember = 3000;
const newMember = () => ++nextMember;
const settle = <T>(calls: Promise<T>[]) => Promise.allSettled(calls);
const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code ?? String(r.reason)] : []));

async function expectConsistent(memberId: number) {
  const account = await ds.getRepository(PointsAccount).findOneByOrFail({ memberId });
  const entries = await ds.getRepository(PointsEntry).findBy({ memberId });
  const lots = await ds.getRepository(PointsLot).findBy({ memberId, status: 'ACTIVE' });
  expect(account.available).toBeGreaterThanOrEqual(0);
  expect(account.available - account.debt).toBe(entries.reduce((s, e) => s + e.points, 0));
  expect(account.available).toBe(lots.reduce((s, l) => s + l.remaining, 0));
  for (const e of entries) expect(e.availableAfter).toBeGreaterThanOrEqual(0);
  return account;
}

describe('idempotency under concurrency', () => {
  it('the same earn sent 20 times at once writes one entry and every call answers with it', async () => {
    const m = newMember();
    const input = { sourceType: 'pos_sale', sourceId: `${m}-1`, points: 88, reason: '门店消费获得积分' };
    const results = await Promise.all(Array.from({ length: 20 }, () => loyalty.earn(m, input)));
    expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(results.every((r) => r.available === 88)).toBe(true);
    expect(await ds.getRepository(PointsEntry).countBy({ memberId: m })).toBe(1);
    expect(await ds.getRepository(PointsLot).countBy({ memberId: m })).toBe(1);
    await expectConsistent(m);
  });

  it('the same redemption sent 20 times at once spends once', async () => {
    const m = newMember();
    await loyalty.earn(m, { sourceType: 'order', sourceId: `${m}-1`, points: 100, reason: '购物获得积分' });
    const input = { sourceType: 'mall_redemption', sourceId: `${m}-1`, points: 60, reason: '兑换礼品' };
    const results = await settle(Array.from({ length: 20 }, () => loyalty.redeem(m, input)));
    expect(codes(results)).toEqual([]);
    expect((await expectConsistent(m)).available).toBe(40);
    expect(await ds.getRepository(PointsEntry).countBy({ memberId: m, kind: 'REDEEM' })).toBe(1);
  });

  it('the same growth award sent 20 times at once writes one entry and one tier change', async () => {
    const m = newMember();
    const input = { sourceType: 'order', sourceId: `${m}-1`, growth: 3000, reason: '购物获得成长值' };
    const results = await Promise.all(Array.from({ length: 20 }, () => loyalty.addGrowth(m, input)));
    expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
    expect(results.every((r) => r.tierChange?.to === 'SILVER')).toBe(true);
    expect(await ds.getRepository(GrowthEntry).countBy({ memberId: m })).toBe(1);
    expect((await loyalty.summary(m)).growth).toBe(3000);
  });
});

describe('balances under concurrency', () => {
  it('50 concurrent redemptions against a balance: exactly as many succeed as it covers, never below zero', async () => {
    const m = newMember();
    await loyalty.earn(m, { sourceType: 'order', sourceId: `${m}-a`, points: 600, reason: '购物获得积分' });
    await loyalty.earn(m, {
      sourceType: 'order',
      sourceId: `${m}-b`,
      points: 400,
      reason: '购物获得积分',
      expiresAt: new Date(START.getTime() + 30 * DAY),
    });
    const results = await settle(
      Array.from({ length: 50 }, (_, i) =>
        loyalty.redeem(m, { sourceType: 'mall_redemption', sourceId: `${m}-${i}`, points: 30, reason: '兑换礼品' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(33);
    expect(codes(results)).toEqual(Array.from({ length: 17 }, () => 'POINTS_INSUFFICIENT'));
    const account = await expectConsistent(m);
    expect(account.available).toBe(10);
    // The lot expiring sooner was used up first.
    const lots = await ds.getRepository(PointsLot).find({ where: { memberId: m }, order: { id: 'ASC' } });
    expect(lots.map((l) => [l.remaining, l.status])).toEqual([
      [10, 'ACTIVE'],
      [0, 'SPENT'],
    ]);
  });

  it('a new member’s first 20 earnings at once create one account and count every point', async () => {
    const m = newMember();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        loyalty.earn(m, { sourceType: 'order', sourceId: `${m}-${i}`, points: i + 1, reason: '购物获得积分' }),
      ),
    );
    expect((await expectConsistent(m)).available).toBe(210);
  });

  it('earnings, redemptions and refunds racing on several members keep every ledger consistent', async () => {
    const members = [newMember(), newMember(), newMember()];
    const calls: Promise<unknown>[] = [];
    for (const m of members) {
      for (let i = 0; i < 10; i++) {
        const source = { sourceType: 'order', sourceId: `${m}-${i}` };
        calls.push(
          loyalty
            .earn(m, { ...source, points: 50, reason: '购物获得积分' })
            .then(() => (i % 3 === 0 ? loyalty.reverse(m, source) : undefined)),
        );
        calls.push(
          loyalty.redeem(m, { sourceType: 'mall_redemption', sourceId: `${m}-${i}`, points: 70, reason: '兑换礼品' }),
        );
      }
    }
    const results = await settle(calls);
    expect(codes(results).filter((c) => c !== 'POINTS_INSUFFICIENT')).toEqual([]);
    for (const m of members) await expectConsistent(m);
    expect((await loyalty.reconcile()).mismatches).toEqual([]);
  });
});

describe('expireDue on several replicas', () => {
  it('two replicas running the job at once expire each lot exactly once', async () => {
    const members = Array.from({ length: 8 }, () => newMember());
    for (const m of members) {
      for (let i = 0; i < 3; i++) {
        await loyalty.earn(m, {
          sourceType: 'order',
          sourceId: `${m}-x${i}`,
          points: 10 * (i + 1),
          reason: '购物获得积分',
          expiresAt: new Date(START.getTime() + (i + 1) * DAY),
        });
      }
    }
    // On MariaDB a second application instance on the same database; on SQLite a second call in this one.
    const replica = usingMysql ? await bootLoyalty(clock, harness.db) : harness;
    try {
      const at = new Date(START.getTime() + 2 * DAY);
      const reports = await Promise.all([loyalty.expireDue(at), replica.loyalty.expireDue(at), loyalty.expireDue(at)]);
      const mine = await ds.getRepository(PointsEntry).find({ where: { kind: 'EXPIRE' } });
      const expiredHere = mine.filter((e) => members.includes(e.memberId));
      expect(expiredHere).toHaveLength(members.length * 2);
      expect(new Set(expiredHere.map((e) => e.sourceId)).size).toBe(expiredHere.length);
      expect(reports.reduce((s, r) => s + r.lots, 0)).toBe(mine.length);
      for (const m of members) expect((await expectConsistent(m)).available).toBe(30);
    } finally {
      if (replica !== harness) await replica.close();
    }
  });
});
