import type { EarningsView, LedgerEntryView, Page, WithdrawalView } from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { loadConfig } from '../../src/config/env';
import { CommissionsService } from '../../src/modules/distribution/commissions.service';
import { outBillNoOf } from '../../src/modules/distribution/distribution.entities';
import { WithdrawalsService } from '../../src/modules/distribution/withdrawals.service';
import { DevTransferGateway } from '../../src/modules/payments/transfer/dev-transfer.gateway';
import { TransferGateway } from '../../src/modules/payments/transfer/transfer.gateway';
import { type Actor } from '../support/actors';
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
import { type TestApp } from '../support/test-app';
import { bootShop, LONG_LIVED_TOKENS } from '../support/shop';

const DAY = 86_400_000;
const clock = new TestClock(new Date('2026-11-25T04:00:00Z'));
let t: TestApp;
let operator: Actor;
let sku: { id: number; productId: number };
let gateway: DevTransferGateway;
let seq = 0;

beforeAll(async () => {
  const distribution = {
    ...loadConfig({ NODE_ENV: 'test' }).distribution,
    withdrawMinFen: 1_000,
    withdrawDailyLimitFen: 65_000,
    withdrawReviewThresholdFen: 50_000,
  };
  ({ t, operator } = await bootShop(clock, { auth: LONG_LIVED_TOKENS, distribution }));
  const [picked] = await skus(t, [100_000]); // ¥1000: about ¥100 commission per order
  sku = { id: picked.id, productId: picked.productId };
  await setDistribution(t, operator, sku.productId, { enabled: true, rateBp: 1_000, secondRateBp: 0 });
  gateway = t.app.get<TransferGateway, DevTransferGateway>(TransferGateway);
  expect(gateway).toBeInstanceOf(DevTransferGateway);
});
afterAll(() => t.close());

/**
 * An approved promoter with `units` orders' commission available (10% of each ¥1000 order's paid amount, from real
 * orders, completed and settled); `available` is that balance.
 */
async function fundedPromoter(units: number): Promise<Actor & { promoterId: number; available: number }> {
  const n = ++seq;
  const p = await promoter(t, operator, `wd-promoter-${n}`);
  const buyer = await member(t, `wd-buyer-${n}`);
  await visit(t, buyer, await shareToken(t, p, sku.productId));
  let expected = 0;
  for (let i = 0; i < units; i++) {
    const order = await paidOrder(t, buyer, [sku.id]);
    expected += Math.floor(order.lines[0].paidFen / 10);
    await completeOrder(t, operator, buyer, order.id);
  }
  clock.advance(8 * DAY);
  await t.app.get(CommissionsService).settleDue();
  expect((await earnings(p)).availableFen).toBe(expected);
  return { ...p, available: expected };
}

const earnings = async (p: Actor) =>
  (await t.inject({ method: 'GET', url: '/api/distribution/me/earnings', headers: p.headers })).json<EarningsView>();
const withdraw = (
  p: Actor,
  amountFen: number,
  clientRequestId = `wd-${Date.now()}-${Math.random().toString(36).slice(2)}`,
) =>
  t.inject({
    method: 'POST',
    url: '/api/distribution/me/withdrawals',
    headers: p.headers,
    payload: { amountFen, clientRequestId },
  });

describe('withdrawals (提现)', () => {
  it('refuses below the minimum and more than available, changing nothing', async () => {
    const p = await fundedPromoter(2);
    const low = await withdraw(p, 999);
    expect(low.statusCode).toBe(400);
    expect(low.json()).toMatchObject({ code: 'WITHDRAW_BELOW_MINIMUM' });
    const high = await withdraw(p, p.available + 1);
    expect(high.statusCode).toBe(409);
    expect(high.json()).toMatchObject({ code: 'COMMISSION_INSUFFICIENT' });
    expect(await earnings(p)).toMatchObject({ availableFen: p.available, withdrawingFen: 0, withdrawnFen: 0 });
    const invalid = await withdraw(p, 1_000, 'short');
    expect(invalid.statusCode).toBe(400);
  });

  it('10 parallel withdrawals of the whole balance: exactly one succeeds and pays once', async () => {
    const p = await fundedPromoter(3);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => withdraw(p, p.available, `parallel-${seq}-${i}`)),
    );
    const ok = answers.filter((a) => a.statusCode === 200);
    expect(ok).toHaveLength(1);
    expect(answers.filter((a) => a.json<{ code?: string }>().code === 'COMMISSION_INSUFFICIENT')).toHaveLength(9);
    const w = ok[0].json<WithdrawalView>();
    expect(w).toMatchObject({ status: 'PAID', amountFen: p.available });
    expect(gateway.payouts.get(outBillNoOf(w.id))).toBe(1);
    expect(await earnings(p)).toMatchObject({ availableFen: 0, withdrawingFen: 0, withdrawnFen: p.available });

    // A retry of the same request answers the same withdrawal; a sweep asks WeChat again: still one payment.
    const again = await withdraw(p, p.available, w.clientRequestId);
    expect(again.json<WithdrawalView>().id).toBe(w.id);
    const conflict = await withdraw(p, p.available - 1, w.clientRequestId);
    expect(conflict.json()).toMatchObject({ code: 'WITHDRAW_REQUEST_CONFLICT' });
    await t.app.get(WithdrawalsService).payout(w.id);
    expect(gateway.payouts.get(outBillNoOf(w.id))).toBe(1);
  });

  it('a failed payout returns the funds with a ledger entry', async () => {
    const p = await fundedPromoter(2);
    gateway.mode = 'FAIL';
    try {
      const res = await withdraw(p, 1_500);
      expect(res.json<WithdrawalView>()).toMatchObject({ status: 'FAILED' });
      expect(res.json<WithdrawalView>().failureReason).toContain('收款账户');
    } finally {
      gateway.mode = 'SUCCEED';
    }
    expect(await earnings(p)).toMatchObject({ availableFen: p.available, withdrawingFen: 0, withdrawnFen: 0 });
    const ledger = (await t.inject({ method: 'GET', url: '/api/distribution/me/ledger', headers: p.headers })).json<
      Page<LedgerEntryView>
    >();
    expect(ledger.items.slice(0, 2).map((e) => [e.type, e.availableDeltaFen])).toEqual([
      ['WITHDRAW_RETURN', 1_500],
      ['WITHDRAW', -1_500],
    ]);
  });

  it('an unreachable gateway leaves the withdrawal PAYING; the sweep pays it once', async () => {
    const p = await fundedPromoter(2);
    gateway.unavailableCalls = 1;
    const w = (await withdraw(p, p.available)).json<WithdrawalView>();
    expect(w.status).toBe('PAYING');
    expect(await earnings(p)).toMatchObject({ availableFen: 0, withdrawingFen: p.available });
    clock.advance(2 * 60_000);
    await t.app.get(WithdrawalsService).sweep();
    await t.app.get(WithdrawalsService).sweep();
    expect(gateway.payouts.get(outBillNoOf(w.id))).toBe(1);
    expect(await earnings(p)).toMatchObject({ availableFen: 0, withdrawingFen: 0, withdrawnFen: p.available });
  });

  it('above the threshold waits for review; approve pays, reject returns; the daily limit holds', async () => {
    const p = await fundedPromoter(7);
    const big = (await withdraw(p, 60_000)).json<WithdrawalView>();
    expect(big.status).toBe('REVIEW');
    expect(gateway.payouts.has(outBillNoOf(big.id))).toBe(false);
    const approved = await t.inject({
      method: 'POST',
      url: `/api/admin/distribution/withdrawals/${big.id}/approve`,
      headers: operator.headers,
    });
    expect(approved.json()).toMatchObject({ status: 'PAID', promoterId: p.promoterId });
    const twice = await t.inject({
      method: 'POST',
      url: `/api/admin/distribution/withdrawals/${big.id}/approve`,
      headers: operator.headers,
    });
    expect(twice.json()).toMatchObject({ code: 'WITHDRAWAL_STATE_CONFLICT' });
    // 60 000 paid today; 6 000 more would pass the 65 000 daily limit although the balance covers it.
    const rest = p.available - 60_000;
    expect(rest).toBeGreaterThan(6_000);
    const limited = await withdraw(p, 6_000);
    expect(limited.json()).toMatchObject({ code: 'WITHDRAW_DAILY_LIMIT' });
    expect((await earnings(p)).availableFen).toBe(rest);
    clock.advance(DAY);
    const second = (await withdraw(p, rest)).json<WithdrawalView>();
    expect(second.status).toBe('PAID');
    expect(await earnings(p)).toMatchObject({ availableFen: 0, withdrawnFen: p.available, todayWithdrawnFen: rest });
  });

  it('an operator rejection returns the funds', async () => {
    const p = await fundedPromoter(6);
    const big = (await withdraw(p, p.available)).json<WithdrawalView>();
    expect(big.status).toBe('REVIEW');
    const rejected = await t.inject({
      method: 'POST',
      url: `/api/admin/distribution/withdrawals/${big.id}/reject`,
      headers: operator.headers,
      payload: { reason: '请先完善实名信息' },
    });
    expect(rejected.json()).toMatchObject({ status: 'REJECTED', failureReason: '请先完善实名信息' });
    expect(await earnings(p)).toMatchObject({ availableFen: p.available, withdrawingFen: 0 });
  });
});
