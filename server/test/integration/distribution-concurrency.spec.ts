import type { EarningsView } from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { CommissionReconciliation } from '../../src/modules/distribution/commission-reconciliation';
import { CommissionsService } from '../../src/modules/distribution/commissions.service';
import {
  BindingEvent,
  Commission,
  CustomerBinding,
  CommissionEntry,
  OrderAttribution,
  PromoterAccount,
} from '../../src/modules/distribution/distribution.entities';
import { PaymentRefund } from '../../src/modules/orders/payment-refund.entity';
import { type Actor } from '../support/actors';
import {
  completeOrder,
  ds,
  member,
  paidOrder,
  promoter,
  requestRefund,
  setDistribution,
  settleOutbox,
  shareToken,
  skus,
  visit,
} from '../support/distribution';
import { type TestApp } from '../support/test-app';
import { simulatorOf } from '../support/wechatpay';
import { bootShop, LONG_LIVED_TOKENS } from '../support/shop';

/** Replays and races on the commission ledger: nothing is applied twice, the ledger always reconciles. */
const DAY = 86_400_000;
const clock = new TestClock(new Date('2026-11-25T04:00:00Z'));
let t: TestApp;
let operator: Actor;
let skuIds: number[];

beforeAll(async () => {
  ({ t, operator } = await bootShop(clock, { auth: LONG_LIVED_TOKENS }));
  const picked = await skus(t, [7_777, 3_333]);
  skuIds = picked.map((s) => s.id);
  for (const s of picked)
    await setDistribution(t, operator, s.productId, { enabled: true, rateBp: 1_100, secondRateBp: 0 });
});
afterAll(() => t.close());

const earnings = async (p: Actor) =>
  (await t.inject({ method: 'GET', url: '/api/distribution/me/earnings', headers: p.headers })).json<EarningsView>();

async function expectLedgerReconciles(): Promise<void> {
  for (const a of await ds(t).getRepository(PromoterAccount).find()) {
    const entries = await ds(t).getRepository(CommissionEntry).findBy({ promoterId: a.promoterId });
    expect(entries.reduce((s, e) => s + e.pendingDeltaFen, 0)).toBe(a.pendingFen);
    expect(entries.reduce((s, e) => s + e.availableDeltaFen, 0)).toBe(a.availableFen);
  }
}

describe('bindings under races', () => {
  it('ten simultaneous visits of a new customer through two promoters bind once, with every decision recorded', async () => {
    const productId = (await ds(t).query('SELECT productId FROM skus WHERE id = ?', [skuIds[0]]))[0]
      .productId as number;
    const p1 = await promoter(t, operator, 'bind-race-1');
    const p2 = await promoter(t, operator, 'bind-race-2');
    const [t1, t2] = [await shareToken(t, p1, productId), await shareToken(t, p2, productId)];
    const c = await member(t, 'bind-race-customer');
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => visit(t, c, i % 2 ? t1 : t2)));
    const bound = outcomes.filter((o) => o.outcome === 'BOUND');
    expect(bound).toHaveLength(1);
    expect(outcomes.every((o) => ['BOUND', 'KEPT', 'EXTENDED'].includes(o.outcome))).toBe(true);
    const bindings = await ds(t).getRepository(CustomerBinding).findBy({ memberId: c.id });
    expect(bindings).toHaveLength(1);
    expect(await ds(t).getRepository(BindingEvent).countBy({ memberId: c.id })).toBe(10);
  });
});

describe('commission ledger under replays and races', () => {
  it('a first delivery of order.paid on several replicas at once accrues once', async () => {
    const p = await promoter(t, operator, 'race-p1');
    const buyer = await member(t, 'race-b1');
    await visit(
      t,
      buyer,
      await shareToken(t, p, (await ds(t).query('SELECT productId FROM skus WHERE id = ?', [skuIds[0]]))[0].productId),
    );
    const order = await paidOrder(t, buyer, skuIds);
    const accrued = (await earnings(p)).pendingFen;
    expect(accrued).toBeGreaterThan(0);
    // Undo the delivery as if it had never happened, then deliver it ten times at once.
    await ds(t).transaction(async (m) => {
      await m.getRepository(CommissionEntry).delete({ orderId: order.id });
      await m.getRepository(Commission).delete({ orderId: order.id });
      await m.getRepository(OrderAttribution).delete({ orderId: order.id });
      await m.getRepository(PromoterAccount).update({ promoterId: p.promoterId }, { pendingFen: 0, totalEarnedFen: 0 });
    });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => t.app.get(CommissionsService).accrue(order.id)),
    );
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect((await earnings(p)).pendingFen).toBe(accrued);
    expect(await ds(t).getRepository(Commission).countBy({ orderId: order.id })).toBe(1);
    await expectLedgerReconciles();
  });

  it('refunds confirmed while the settlement runs land in the right bucket, once', async () => {
    const p = await promoter(t, operator, 'race-p2');
    const buyer = await member(t, 'race-b2');
    const productId = (await ds(t).query('SELECT productId FROM skus WHERE id = ?', [skuIds[0]]))[0]
      .productId as number;
    await visit(t, buyer, await shareToken(t, p, productId));
    const refunds: number[] = [];
    let expected = 0;
    for (let i = 0; i < 4; i++) {
      const order = await paidOrder(t, buyer, skuIds);
      await completeOrder(t, operator, buyer, order.id);
      const outRefundNo = await requestRefund(t, buyer, order.id, [order.lines[1].id]);
      refunds.push((await ds(t).getRepository(PaymentRefund).findOneByOrFail({ outRefundNo })).id);
      expected += Math.floor((order.lines[0].paidFen * 1_100) / 10_000);
      // WeChat says SUCCESS (the refund row settles); the commission reversal is raced below.
      await simulatorOf(t).settleRefund(outRefundNo);
    }
    clock.advance(8 * DAY);
    const service = t.app.get(CommissionsService);
    await Promise.all([
      service.settleDue(),
      ...refunds.flatMap((id) => [service.reverse(id), service.reverse(id)]),
      service.settleDue(),
    ]);
    await settleOutbox(t);
    expect(await earnings(p)).toMatchObject({ pendingFen: 0, availableFen: expected, debtFen: 0 });
    await expectLedgerReconciles();
  });
});

describe('the nightly ledger check', () => {
  it('finds no mismatch after all of the above, and names a tampered account', async () => {
    const check = t.app.get(CommissionReconciliation);
    const clean = await check.run();
    expect(clean.checked).toBeGreaterThan(0);
    expect(clean.mismatches).toEqual([]);
    const [account] = await ds(t)
      .getRepository(PromoterAccount)
      .find({ order: { promoterId: 'ASC' }, take: 1 });
    await ds(t).getRepository(PromoterAccount).increment({ promoterId: account.promoterId }, 'availableFen', 1);
    try {
      const found = await check.run();
      expect(found.mismatches).toEqual([expect.objectContaining({ promoterId: account.promoterId })]);
    } finally {
      await ds(t).getRepository(PromoterAccount).decrement({ promoterId: account.promoterId }, 'availableFen', 1);
    }
  });
});
