import type {
  CommissionRecordView,
  CustomerView,
  EarningsView,
  LedgerEntryView,
  Page,
  PosterView,
  ShareFunnelView,
  TeamMemberView,
} from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { DevClockController } from '../../src/common/clock/dev-clock.controller';
import { DomainException } from '../../src/common/errors/domain.exception';
import { type AppConfig } from '../../src/config/env';
import { CommissionsService } from '../../src/modules/distribution/commissions.service';
import { DISTRIBUTION_OPTIONS, type DistributionOptions } from '../../src/modules/distribution/distribution.options';
import { PaymentRefund } from '../../src/modules/orders/payment-refund.entity';
import { JobRun } from '../../src/modules/jobs/job-run.entity';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler.service';
import {
  BindingEvent,
  CommissionEntry,
  OrderAttribution,
  PromoterAccount,
} from '../../src/modules/distribution/distribution.entities';
import { type Actor, memberLogin, staffLogin } from '../support/actors';
import {
  completeOrder,
  confirmRefund,
  ds,
  member,
  paidOrder,
  promoter,
  refundLines,
  requestRefund,
  setDistribution,
  settleOutbox,
  shareToken,
  skus,
  visit,
} from '../support/distribution';
import { type TestApp } from '../support/test-app';
import { bootShop, LONG_LIVED_TOKENS } from '../support/shop';

const DAY = 86_400_000;
const START = new Date('2026-11-25T04:00:00Z');
const clock = new TestClock(START);
let t: TestApp;
let operator: Actor;
let products: { skuId: number; productId: number }[];

beforeAll(async () => {
  ({ t, operator } = await bootShop(clock, { auth: LONG_LIVED_TOKENS }));
  // Three products: 10% + 3% (second level), 20% + 0%, and one that is not a distribution product.
  const picked = await skus(t, [9_999, 5_000, 3_000]);
  products = picked.map((s) => ({ skuId: s.id, productId: s.productId }));
  expect(
    (await setDistribution(t, operator, products[0].productId, { enabled: true, rateBp: 1_000, secondRateBp: 300 }))
      .statusCode,
  ).toBe(200);
  expect(
    (await setDistribution(t, operator, products[1].productId, { enabled: true, rateBp: 2_000, secondRateBp: 0 }))
      .statusCode,
  ).toBe(200);
  // The demo seed makes every product a distribution product; this one is switched off.
  expect((await setDistribution(t, operator, products[2].productId, { enabled: false })).statusCode).toBe(200);
});
afterAll(() => t.close());

const get = async <T>(who: Actor, url: string): Promise<T> => {
  const res = await t.inject({ method: 'GET', url, headers: who.headers });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
};
const earnings = (who: Actor) => get<EarningsView>(who, '/api/distribution/me/earnings');

/** The ledger sums to the account balances for every promoter (the account is never out of step). */
async function expectLedgerReconciles(): Promise<void> {
  const accounts = await ds(t).getRepository(PromoterAccount).find();
  for (const a of accounts) {
    const entries = await ds(t).getRepository(CommissionEntry).findBy({ promoterId: a.promoterId });
    expect(entries.reduce((s, e) => s + e.pendingDeltaFen, 0)).toBe(a.pendingFen);
    expect(entries.reduce((s, e) => s + e.availableDeltaFen, 0)).toBe(a.availableFen);
  }
}

describe('operators set distribution products', () => {
  it('refuses two levels above 50% with COMMISSION_RATE_INVALID, changing nothing', async () => {
    const res = await setDistribution(t, operator, products[2].productId, {
      enabled: true,
      rateBp: 4_000,
      secondRateBp: 1_500,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'COMMISSION_RATE_INVALID' });
    const list = await get<Page<{ productId: number; enabled: boolean; rateBp: number }>>(
      operator,
      '/api/admin/distribution/products?pageSize=50',
    );
    expect(list.items.find((p) => p.productId === products[2].productId)).toMatchObject({ enabled: false });
  });
});

describe('sharing a drop', () => {
  it("makes a drop's card from the drop itself, and refuses a drop that does not exist", async () => {
    clock.set(START);
    const p = await promoter(t, operator, 'drop-sharer');
    const list = (await t.inject({ method: 'GET', url: '/api/drops' })).json<{
      items: Array<{ id: number; title: string; items: Array<{ dropPriceFen: number }> }>;
    }>();
    const drop = list.items[0];
    const made = await t.inject({
      method: 'POST',
      url: '/api/distribution/share-tokens',
      headers: p.headers,
      payload: { targetType: 'DROP', targetId: drop.id },
    });
    expect(made.statusCode).toBeLessThan(300);
    const { token, shareTitle } = made.json<{ token: string; shareTitle: string }>();
    expect(shareTitle).toContain(drop.title);
    const resolved = (await t.inject({ method: 'GET', url: `/api/distribution/tokens/${token}` })).json();
    expect(resolved).toEqual({ valid: true, targetType: 'DROP', targetId: drop.id });
    const missing = await t.inject({
      method: 'POST',
      url: '/api/distribution/share-tokens',
      headers: p.headers,
      payload: { targetType: 'DROP', targetId: 999_999 },
    });
    expect(missing.json()).toMatchObject({ code: 'SHARE_TARGET_NOT_FOUND' });
  });
});

describe('the whole loop: share → bind → pay → refund → settle → debt → repaid', () => {
  it('accrues per line, reverses in proportion, settles after the return window, claws back into a debt', async () => {
    clock.set(START);
    const inviter = await promoter(t, operator, 'inviter-b');
    const a = await promoter(t, operator, 'promoter-a', inviter.inviteToken);
    const buyer = await member(t, 'buyer-1');

    // Not a promoter: no share token.
    const refused = await t.inject({
      method: 'POST',
      url: '/api/distribution/share-tokens',
      headers: buyer.headers,
      payload: { targetType: 'PRODUCT', targetId: products[0].productId },
    });
    expect(refused.json()).toMatchObject({ code: 'PROMOTER_NOT_APPROVED' });

    const token = await shareToken(t, a, products[0].productId);
    expect(token.length).toBeLessThanOrEqual(32);
    expect(await shareToken(t, a, products[0].productId)).toBe(token); // made once
    const poster = (
      await t.inject({
        method: 'POST',
        url: '/api/distribution/posters',
        headers: a.headers,
        payload: { targetType: 'PRODUCT', targetId: products[0].productId },
      })
    ).json<PosterView>();
    expect(poster).toMatchObject({ token, targetType: 'PRODUCT', promoter: { displayName: 'promoter-a' } });
    expect(poster.priceFen).toBeGreaterThan(0);
    const png = await t.inject({ method: 'GET', url: poster.codeImageUrl });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');

    expect(await visit(t, null, token)).toMatchObject({ referred: true, outcome: 'ANONYMOUS' });
    expect(await visit(t, buyer, token)).toMatchObject({ referred: true, outcome: 'BOUND', targetType: 'PRODUCT' });

    // Two distribution lines (10% + 3%, 20% + 0%) and one that earns nothing.
    const order = await paidOrder(
      t,
      buyer,
      products.map((p) => p.skuId),
    );
    const lineOf = (productId: number) => order.lines.find((l) => l.productId === productId)!;
    const paid0 = lineOf(products[0].productId).paidFen;
    const paid1 = lineOf(products[1].productId).paidFen;
    const level1 = Math.floor((paid0 * 1_000) / 10_000) + Math.floor((paid1 * 2_000) / 10_000);
    const level2 = Math.floor((paid0 * 300) / 10_000);
    expect(await earnings(a)).toMatchObject({ pendingFen: level1, availableFen: 0, debtFen: 0 });
    expect(await earnings(inviter)).toMatchObject({ pendingFen: level2 });

    // Redelivering order.paid changes nothing (attribution keyed by the order).
    await t.app.get(CommissionsService).accrue(order.id);
    expect((await earnings(a)).pendingFen).toBe(level1);
    expect(await ds(t).getRepository(OrderAttribution).countBy({ orderId: order.id })).toBe(1);

    const [record] = (await get<Page<CommissionRecordView>>(a, '/api/distribution/me/commissions')).items;
    expect(record).toMatchObject({
      orderId: order.id,
      level: 1,
      accruedFen: level1,
      status: 'PENDING',
      availableAt: null,
    });
    expect(record.buyerMasked).toMatch(/^137\*{4}\d{4}$/);
    expect(record.orderNoMasked).toContain('****');

    // Refund the 20% line before completion: exactly its commission comes back out of pending.
    await refundLines(t, buyer, order.id, [lineOf(products[1].productId).id]);
    const lineCommission1 = Math.floor((paid1 * 2_000) / 10_000);
    expect(await earnings(a)).toMatchObject({ pendingFen: level1 - lineCommission1 });
    expect((await earnings(inviter)).pendingFen).toBe(level2); // no second level on that line

    // Completed; the return window has not passed: nothing settles.
    await completeOrder(t, operator, buyer, order.id);
    clock.advance(6 * DAY);
    expect((await t.app.get(CommissionsService).settleDue()).settled).toBe(0);
    // The buyer asks for the other line back on day 6; WeChat confirms only after settlement.
    const lateRefund = await requestRefund(t, buyer, order.id, [lineOf(products[0].productId).id]);
    clock.advance(1 * DAY + 1_000);
    const run = await t.app.get(CommissionsService).settleDue();
    expect(run.settled).toBe(2);
    expect(await earnings(a)).toMatchObject({ pendingFen: 0, availableFen: level1 - lineCommission1 });
    expect(await earnings(inviter)).toMatchObject({ pendingFen: 0, availableFen: level2 });
    expect((await t.app.get(CommissionsService).settleDue()).settled).toBe(0); // runs again: nothing more

    // A refund after settlement: a negative available entry (debt), never skipped.
    await confirmRefund(t, lateRefund);
    // order.refunded delivered again (after a crash, or by a second replica): nothing more is taken back.
    const lateRefundRow = await ds(t).getRepository(PaymentRefund).findOneByOrFail({ outRefundNo: lateRefund });
    await t.app.get(CommissionsService).reverse(lateRefundRow.id);
    await t.app.get(CommissionsService).reverse(lateRefundRow.id);
    const lineCommission0 = Math.floor((paid0 * 1_000) / 10_000);
    const afterClawback = await earnings(a);
    expect(afterClawback.availableFen).toBe(0);
    expect(afterClawback.debtFen).toBe(lineCommission0 - (level1 - lineCommission1));
    expect(await earnings(inviter)).toMatchObject({ availableFen: 0, debtFen: 0 });
    const ledger = await get<Page<LedgerEntryView>>(a, '/api/distribution/me/ledger');
    expect(ledger.items.map((e) => e.type)).toEqual(['CLAWBACK', 'SETTLE', 'REVERSE', 'ACCRUE']);

    // The next commission repays the debt first.
    const debt = afterClawback.debtFen;
    const second = await paidOrder(t, buyer, [products[0].skuId]);
    await completeOrder(t, operator, buyer, second.id);
    clock.advance(8 * DAY);
    await t.app.get(CommissionsService).settleDue();
    const earned = Math.floor((second.lines[0].paidFen * 1_000) / 10_000);
    expect(await earnings(a)).toMatchObject({ availableFen: earned - debt, debtFen: 0 });
    await expectLedgerReconciles();

    // The promoter center: customers with their protection (extended by the orders), team, funnel.
    const customers = await get<Page<CustomerView>>(a, '/api/distribution/me/customers');
    expect(customers.items).toHaveLength(1);
    expect(customers.items[0]).toMatchObject({ memberId: buyer.id, orderCount: 2 });
    const team = await get<Page<TeamMemberView>>(inviter, '/api/distribution/me/team');
    // The first order's second level was clawed back with its line; the second order's stands.
    const secondLevel2 = Math.floor((second.lines[0].paidFen * 300) / 10_000);
    expect(team.items).toEqual([
      expect.objectContaining({ promoterId: a.promoterId, customerCount: 1, myCommissionFen: secondLevel2 }),
    ]);
    const shares = await get<Page<ShareFunnelView>>(a, '/api/distribution/me/shares');
    expect(shares.items[0]).toMatchObject({ token, views: 2, visitors: 2, orders: 2 });
  });
});

describe('binding rules against the running server', () => {
  it('refuses self-referral and loops, keeps a protected customer, lets last touch win after protection, records every decision', async () => {
    clock.set(new Date(START.getTime() + 60 * DAY));
    const p1 = await promoter(t, operator, 'bind-p1');
    const p2 = await promoter(t, operator, 'bind-p2');
    const c = await member(t, 'bind-customer');
    const t1 = await shareToken(t, p1, products[0].productId);
    const t2 = await shareToken(t, p2, products[0].productId);

    expect((await visit(t, p1, t1)).outcome).toBe('REFUSED_SELF');
    expect((await visit(t, c, 'forged-token-XYZ')).outcome).toBe('UNREFERRED');
    expect((await visit(t, c, 'not a token!')).referred).toBe(false);
    expect((await visit(t, c, 'x'.repeat(200))).outcome).toBe('UNREFERRED');
    expect((await visit(t, c, t1)).outcome).toBe('BOUND');
    expect((await visit(t, c, t2)).outcome).toBe('KEPT'); // no poaching during protection
    // p1 is now bound to p2; p2 opening p1's link would close a loop.
    clock.advance(1_000);
    expect((await visit(t, p1, t2)).outcome).toBe('BOUND');
    expect((await visit(t, p2, t1)).outcome).toBe('REFUSED_LOOP');

    clock.advance(15 * DAY);
    expect((await visit(t, c, t2)).outcome).toBe('REBOUND');
    const customersOf2 = await get<Page<CustomerView>>(p2, '/api/distribution/me/customers');
    expect(customersOf2.items.map((x) => x.memberId)).toContain(c.id);
    expect(customersOf2.items.find((x) => x.memberId === c.id)!.protectionSecondsLeft).toBe(15 * 86_400);

    const events = await ds(t)
      .getRepository(BindingEvent)
      .find({ where: { memberId: c.id }, order: { id: 'ASC' } });
    expect(events.map((e) => e.outcome)).toEqual(['BOUND', 'KEPT', 'REBOUND']);
    const p1Events = await ds(t).getRepository(BindingEvent).findBy({ memberId: p1.id });
    expect(p1Events.map((e) => e.outcome).sort()).toEqual(['BOUND', 'REFUSED_SELF']);
  });

  it('resolves tokens publicly and never errors on a forged one', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/distribution/tokens/zzzzzzzzzzzz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ valid: false, targetType: null, targetId: null });
    const bad = await t.inject({ method: 'GET', url: '/api/distribution/codes/zzzz.png' });
    expect(bad.statusCode).toBe(404);
  });
});

describe('self-purchase', () => {
  it('earns nothing by default; with DISTRIBUTION_SELF_PURCHASE the promoter earns on their own order', async () => {
    clock.set(new Date(START.getTime() + 100 * DAY));
    const p = await promoter(t, operator, 'self-buyer');
    await paidOrder(t, p, [products[0].skuId]);
    expect((await earnings(p)).pendingFen).toBe(0);
    const options = t.app.get<DistributionOptions>(DISTRIBUTION_OPTIONS);
    options.selfPurchaseCommission = true;
    try {
      const own = await paidOrder(t, p, [products[0].skuId]);
      expect((await earnings(p)).pendingFen).toBe(Math.floor((own.lines[0].paidFen * 1_000) / 10_000));
    } finally {
      options.selfPurchaseCommission = false;
    }
  });
});

describe('staff promoters (全员营销)', () => {
  it('a staff member who bound WeChat is an approved STAFF promoter as a member, with no application', async () => {
    const cashierToken = await staffLogin(t, 'cashier.sh002');
    const cashier = await get<{ id: number }>(cashierToken, '/api/me');
    const invite = await t.inject({
      method: 'POST',
      url: `/api/admin/staff/${cashier.id}/wechat-invite`,
      headers: operator.headers,
      payload: {},
    });
    const { inviteCode } = invite.json<{ inviteCode: string }>();
    const bound = await t.inject({
      method: 'POST',
      url: '/api/auth/staff-wechat-bind',
      payload: { code: 'dev-staff-promoter', inviteCode },
    });
    expect(bound.statusCode).toBe(200);
    // The same WeChat opening the mini program as a customer.
    const asMember = await memberLogin(t, 'staff-promoter');
    const me = await get<{ status: string; source: string; displayName: string }>(asMember, '/api/distribution/me');
    expect(me).toMatchObject({ status: 'APPROVED', source: 'STAFF' });
    expect((await shareToken(t, asMember, products[0].productId)).length).toBe(12);
    // An ordinary member is not.
    const plain = await member(t, 'not-staff');
    expect(await get<{ status: string }>(plain, '/api/distribution/me')).toMatchObject({ status: 'NONE' });
  });
});

describe('the nightly job', () => {
  it('runs commission-settlement once per store-zone night, after 02:30 Asia/Shanghai', async () => {
    const runs = () => ds(t).getRepository(JobRun).findBy({ job: 'commission-settlement' });
    clock.set(new Date('2027-03-01T18:20:00Z')); // 02:20 on 03-02 in Shanghai: not yet
    await t.app.get(JobScheduler).tick();
    expect(await runs()).toHaveLength(0);
    clock.set(new Date('2027-03-01T18:31:00Z')); // 02:31
    await t.app.get(JobScheduler).tick();
    clock.advance(60_000);
    await t.app.get(JobScheduler).tick();
    const done = await runs();
    expect(done.map((r) => [r.runKey, r.status])).toEqual([['2027-03-02', 'DONE']]);
  });
});

describe('development clock and settlement trigger', () => {
  it('answers 404 in production', () => {
    const controller = new DevClockController(clock, { nodeEnv: 'production' } as AppConfig);
    expect(() => controller.view()).toThrow(DomainException);
    expect(() => controller.advance({ ms: 1_000 })).toThrow(DomainException);
  });

  it('moves the clock forward only, and runs settlement without a token', async () => {
    const before = (await t.inject({ method: 'GET', url: '/api/dev/clock' })).json<{ now: string }>();
    const moved = await t.inject({ method: 'POST', url: '/api/dev/clock/advance', payload: { ms: DAY } });
    expect(moved.statusCode).toBe(200);
    expect(new Date(moved.json<{ now: string }>().now).getTime() - new Date(before.now).getTime()).toBe(DAY);
    expect((await t.inject({ method: 'POST', url: '/api/dev/clock/advance', payload: { ms: -5 } })).statusCode).toBe(
      400,
    );
    const run = await t.inject({ method: 'POST', url: '/api/dev/jobs/commission-settlement/run' });
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ settled: 0 });
    await settleOutbox(t);
  });
});
