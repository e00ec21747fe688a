import type {
  AdminCustomerBindingHistory,
  AdminPromoterCustomerView,
  AdminPromoterView,
  AdminWithdrawalView,
  AuditEntryView,
  Page,
  PromoterMeView,
  WithdrawalView,
} from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { loadConfig } from '../../src/config/env';
import { CommissionsService } from '../../src/modules/distribution/commissions.service';
import { DevTransferGateway } from '../../src/modules/payments/transfer/dev-transfer.gateway';
import { TransferGateway } from '../../src/modules/payments/transfer/transfer.gateway';
import { staffLogin, type Actor } from '../support/actors';
import {
  completeOrder,
  member,
  paidOrder,
  promoter,
  setDistribution,
  shareToken,
  skus,
  visit,
} from '../support/distribution';
import { bootShop, LONG_LIVED_TOKENS } from '../support/shop';
import type { TestApp } from '../support/test-app';

const DAY = 86_400_000;
const clock = new TestClock(new Date('2026-11-25T04:00:00Z'));
let t: TestApp;
let operator: Actor;
let sku: { id: number; productId: number };
let gateway: DevTransferGateway;

beforeAll(async () => {
  const distribution = {
    ...loadConfig({ NODE_ENV: 'test' }).distribution,
    autoApprove: false,
    withdrawMinFen: 1_000,
    withdrawDailyLimitFen: 1_000_000,
    withdrawReviewThresholdFen: 5_000,
  };
  ({ t, operator } = await bootShop(clock, { auth: LONG_LIVED_TOKENS, distribution }));
  const [picked] = await skus(t, [100_000]); // ¥1000 at 10%: ¥100 commission per order
  sku = { id: picked.id, productId: picked.productId };
  await setDistribution(t, operator, sku.productId, { enabled: true, rateBp: 1_000, secondRateBp: 0 });
  gateway = t.app.get<TransferGateway, DevTransferGateway>(TransferGateway);
});
afterAll(() => t.close());

const get = async <T>(url: string, who: Actor = operator): Promise<T> => {
  const res = await t.inject({ method: 'GET', url, headers: who.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};
const post = (url: string, payload?: object, who: Actor = operator) =>
  t.inject({ method: 'POST', url, headers: who.headers, ...(payload ? { payload } : {}) });
const audit = (type: string, id: number) =>
  get<Page<AuditEntryView>>(`/api/admin/audit?objectType=${type}&objectId=${id}`).then((p) => p.items);
const promoterView = (id: number) => get<AdminPromoterView>(`/api/admin/distribution/promoters/${id}`);

let seq = 0;
async function withdraw(p: Actor, amountFen: number): Promise<WithdrawalView> {
  const res = await post(
    '/api/distribution/me/withdrawals',
    { amountFen, clientRequestId: `console-wd-${++seq}-x` },
    p,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json<WithdrawalView>();
}

/** A promoter whose one customer bought `settled` completed-and-settled orders and `pending` paid-only orders. */
async function promoterWithSales(settled: number, pending = 0) {
  const n = ++seq;
  const name = `console-p-${n}`;
  const p = await promoter(t, operator, name);
  const buyer = await member(t, `console-b-${n}`);
  await visit(t, buyer, await shareToken(t, p, sku.productId));
  const paid: number[] = [];
  for (let i = 0; i < settled; i++) {
    const order = await paidOrder(t, buyer, [sku.id]);
    paid.push(order.lines[0].paidFen);
    await completeOrder(t, operator, buyer, order.id);
  }
  clock.advance(8 * DAY);
  await t.app.get(CommissionsService).settleDue();
  for (let i = 0; i < pending; i++) paid.push((await paidOrder(t, buyer, [sku.id])).lines[0].paidFen);
  return { p, buyer, paid, name };
}

describe('promoter figures', () => {
  it('are exact for a small known set: customers, orders, paid amount and commission by state', async () => {
    const { p, paid, name } = await promoterWithSales(2, 1);
    const second = await member(t, `console-b2-${seq}`);
    await visit(t, second, await shareToken(t, p, sku.productId));
    const w = await withdraw(p, 6_000);
    expect(w.status).toBe('REVIEW');

    const view = await promoterView(p.promoterId);
    const commission = paid.map((fen) => Math.floor(fen / 10));
    expect(view).toMatchObject({
      customerCount: 2,
      orderCount: 3,
      paidFen: paid[0] + paid[1] + paid[2],
      pendingFen: commission[2],
      availableFen: commission[0] + commission[1] - 6_000,
      withdrawingFen: 6_000,
      withdrawnFen: 0,
      debtFen: 0,
    });
    // The list computes the same figures, filtered by name.
    const list = await get<Page<AdminPromoterView>>(`/api/admin/distribution/promoters?q=${name}`);
    expect(list.items.find((i) => i.id === p.promoterId)).toEqual(view);

    const customers = await get<Page<AdminPromoterCustomerView>>(
      `/api/admin/distribution/promoters/${p.promoterId}/customers`,
    );
    expect(customers.total).toBe(2);
    for (const c of customers.items) expect(c.phoneMasked).toMatch(/^1\d\d\*{4}\d{4}$/);
  });
});

describe('the withdrawal review queue', () => {
  it('filters by status, promoter, amount and date in SQL, with pagination', async () => {
    const { p, name } = await promoterWithSales(1);
    const big = await withdraw(p, 7_000);
    const small = await withdraw(p, 2_000); // under the threshold: paid at once
    expect(small.status).toBe('PAID');
    const byPromoter = await get<Page<AdminWithdrawalView>>(
      `/api/admin/distribution/withdrawals?promoterId=${p.promoterId}`,
    );
    expect(byPromoter.items.map((w) => w.id)).toEqual([small.id, big.id]);
    const queue = await get<Page<AdminWithdrawalView>>(
      `/api/admin/distribution/withdrawals?status=REVIEW&promoterId=${p.promoterId}`,
    );
    expect(queue.items.map((w) => w.id)).toEqual([big.id]);
    expect(queue.items[0]).toMatchObject({ promoterName: name, outBillNo: expect.stringMatching(/^TPW\d{10}$/) });
    const amount = await get<Page<AdminWithdrawalView>>(
      `/api/admin/distribution/withdrawals?promoterId=${p.promoterId}&minFen=5000&maxFen=7000`,
    );
    expect(amount.items.map((w) => w.id)).toEqual([big.id]);
    const now = clock.now().getTime();
    const inRange = await get<Page<AdminWithdrawalView>>(
      `/api/admin/distribution/withdrawals?promoterId=${p.promoterId}&from=${new Date(now - DAY).toISOString()}&to=${new Date(now + DAY).toISOString()}`,
    );
    expect(inRange.total).toBe(2);
    const before = await get<Page<AdminWithdrawalView>>(
      `/api/admin/distribution/withdrawals?promoterId=${p.promoterId}&to=${new Date(now - DAY).toISOString()}`,
    );
    expect(before.total).toBe(0);
    const paged = await get<Page<AdminWithdrawalView>>(
      `/api/admin/distribution/withdrawals?promoterId=${p.promoterId}&pageSize=1&page=2`,
    );
    expect(paged).toMatchObject({ total: 2, hasMore: false, items: [{ id: big.id }] });
    const bad = await t.inject({
      method: 'GET',
      url: '/api/admin/distribution/withdrawals?minFen=-1',
      headers: operator.headers,
    });
    expect(bad.json<{ details: { field: string }[] }>().details.map((d) => d.field)).toContain('minFen');
  });

  it('approve pays out and is audited; approving again is a 409', async () => {
    const { p } = await promoterWithSales(1);
    const w = await withdraw(p, 6_000);
    const res = await post(`/api/admin/distribution/withdrawals/${w.id}/approve`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AdminWithdrawalView>()).toMatchObject({ status: 'PAID', returnedFen: 0, payoutAttempts: 1 });
    expect((await post(`/api/admin/distribution/withdrawals/${w.id}/approve`)).statusCode).toBe(409);
    const [entry] = await audit('withdrawal', w.id);
    expect(entry).toMatchObject({ action: 'withdrawal.approve', actorRole: 'operator', after: { status: 'PAYING' } });
    expect(await promoterView(p.promoterId)).toMatchObject({ withdrawingFen: 0, withdrawnFen: 6_000 });
  });

  it('refuse needs a reason, returns the funds, and is audited', async () => {
    const { p } = await promoterWithSales(1);
    const available = (await promoterView(p.promoterId)).availableFen;
    const w = await withdraw(p, 6_000);
    const blank = await post(`/api/admin/distribution/withdrawals/${w.id}/reject`, { reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json<{ details: { field: string }[] }>().details.map((d) => d.field)).toContain('reason');
    const res = await post(`/api/admin/distribution/withdrawals/${w.id}/reject`, { reason: '实名信息不符' });
    expect(res.json<AdminWithdrawalView>()).toMatchObject({
      status: 'REJECTED',
      failureReason: '实名信息不符',
      returnedFen: 6_000,
    });
    expect(await promoterView(p.promoterId)).toMatchObject({ availableFen: available, withdrawingFen: 0 });
    const [entry] = await audit('withdrawal', w.id);
    expect(entry).toMatchObject({ action: 'withdrawal.reject', after: { status: 'REJECTED', reason: '实名信息不符' } });
  });

  it('a payout the gateway fails shows FAILED with the funds returned', async () => {
    const { p } = await promoterWithSales(1);
    const w = await withdraw(p, 6_000);
    gateway.mode = 'FAIL';
    try {
      const res = await post(`/api/admin/distribution/withdrawals/${w.id}/approve`);
      expect(res.json<AdminWithdrawalView>()).toMatchObject({
        status: 'FAILED',
        returnedFen: 6_000,
        failureReason: expect.stringContaining('收款账户异常'),
      });
    } finally {
      gateway.mode = 'SUCCEED';
    }
    const failed = await get<Page<AdminWithdrawalView>>(
      `/api/admin/distribution/withdrawals?status=FAILED&promoterId=${p.promoterId}`,
    );
    expect(failed.items.map((i) => i.id)).toEqual([w.id]);
  });
});

describe('promoter applications and status', () => {
  async function applicant(name: string): Promise<{ m: Actor; id: number }> {
    const m = await member(t, name);
    const res = await post('/api/distribution/apply', { nickname: name }, m);
    return { m, id: res.json<PromoterMeView>().promoterId! };
  }

  it('refuses with a reason the applicant sees; approves; disables and re-enables; each audited', async () => {
    const a = await applicant(`console-apply-${++seq}`);
    const pending = await get<Page<AdminPromoterView>>('/api/admin/distribution/promoters?status=PENDING&pageSize=50');
    expect(pending.items.map((i) => i.id)).toContain(a.id);
    expect((await post(`/api/admin/distribution/promoters/${a.id}/reject`, {})).statusCode).toBe(400);
    const refused = await post(`/api/admin/distribution/promoters/${a.id}/reject`, { reason: '资料不完整' });
    expect(refused.json<AdminPromoterView>()).toMatchObject({ status: 'REJECTED', rejectReason: '资料不完整' });
    expect(await get<PromoterMeView>('/api/distribution/me', a.m)).toMatchObject({ rejectReason: '资料不完整' });

    const b = await applicant(`console-apply-${++seq}`);
    expect((await post(`/api/admin/distribution/promoters/${b.id}/approve`)).json()).toMatchObject({
      status: 'APPROVED',
    });
    expect((await post(`/api/admin/distribution/promoters/${b.id}/disable`)).json()).toMatchObject({
      status: 'DISABLED',
    });
    expect((await post(`/api/admin/distribution/promoters/${b.id}/disable`)).statusCode).toBe(409);
    expect((await post(`/api/admin/distribution/promoters/${b.id}/approve`)).json()).toMatchObject({
      status: 'APPROVED',
    });
    expect((await audit('promoter', b.id)).map((e) => e.action)).toEqual([
      'promoter.approve',
      'promoter.disable',
      'promoter.approve',
    ]);
    expect((await audit('promoter', a.id))[0]).toMatchObject({
      action: 'promoter.reject',
      after: { status: 'REJECTED', rejectReason: '资料不完整' },
    });
  });

  it("a customer's binding history names each decision and promoter", async () => {
    const first = await promoter(t, operator, `console-first-${++seq}`);
    const second = await promoter(t, operator, `console-second-${seq}`);
    const buyer = await member(t, `console-disputed-${seq}`);
    await visit(t, buyer, await shareToken(t, first, sku.productId));
    await visit(t, buyer, await shareToken(t, second, sku.productId)); // inside protection: kept
    const history = await get<AdminCustomerBindingHistory>(`/api/admin/distribution/customers/${buyer.id}/bindings`);
    expect(history.current).toMatchObject({ promoterId: first.promoterId, promoterName: `console-first-${seq}` });
    expect(history.phoneMasked).toMatch(/^1\d\d\*{4}\d{4}$/);
    expect(history.events.map((e) => [e.outcome, e.promoterName])).toEqual([
      ['BOUND', `console-first-${seq}`],
      ['KEPT', `console-second-${seq}`],
    ]);
    expect(
      (
        await t.inject({
          method: 'GET',
          url: '/api/admin/distribution/customers/999999/bindings',
          headers: operator.headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('is closed to store managers', async () => {
    const manager = await staffLogin(t, 'manager.sh001');
    for (const url of ['/api/admin/distribution/promoters', '/api/admin/distribution/withdrawals']) {
      expect((await t.inject({ method: 'GET', url, headers: manager.headers })).statusCode).toBe(403);
    }
  });
});
