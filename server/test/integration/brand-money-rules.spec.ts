import type {
  AdminPromoterView,
  BrandRulesOverview,
  BrandRuleVersionView,
  DistributionRulesView,
  VoucherListResponse,
} from '@tidepool/shared';
import { draftOf, lineCommission } from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { signedUpMember, signupToken, staffLogin, type Actor } from '../support/actors';
import { member, paidOrder, promoter, setDistribution, shareToken, skus, visit } from '../support/distribution';
import { bootShop, LONG_LIVED_TOKENS } from '../support/shop';
import type { TestApp } from '../support/test-app';

const HOUR = 3600_000;
const clock = new TestClock(new Date('2026-11-26T04:00:00Z'));
let t: TestApp;
let operator: Actor;
let sku: { id: number; productId: number };

beforeAll(async () => {
  ({ t, operator } = await bootShop(clock, { auth: LONG_LIVED_TOKENS }));
  const [picked] = await skus(t, [100_000]);
  sku = { id: picked.id, productId: picked.productId };
  // No own rates: the product follows the brand's.
  const set = await setDistribution(t, operator, sku.productId, { enabled: true });
  expect(set.statusCode, set.body).toBe(200);
  expect(set.json<{ followsBrandRates: boolean; rateBp: number }>()).toMatchObject({
    followsBrandRates: true,
    rateBp: 1_000,
  });
});
afterAll(() => t.close());

async function inForceDraft() {
  const res = await t.inject({ method: 'GET', url: '/api/admin/brand-rules', headers: operator.headers });
  return structuredClone(draftOf(res.json<BrandRulesOverview>().inForce.rules));
}

const schedule = (body: object) =>
  t.inject({ method: 'POST', url: '/api/admin/brand-rules/versions', headers: operator.headers, payload: body });

const pendingOf = async (promoterId: number) =>
  (
    await t.inject({
      method: 'GET',
      url: `/api/admin/distribution/promoters/${promoterId}`,
      headers: operator.headers,
    })
  ).json<AdminPromoterView>().pendingFen;

describe('commission rates, withdrawal limits and the signup gift as versioned brand rules', () => {
  it('refuses a commission pair above 50% and a daily cap below the minimum, naming the field', async () => {
    const draft = await inForceDraft();
    draft.distribution = { ...draft.distribution!, directRateBp: 4_000, indirectRateBp: 1_500 };
    const res = await schedule({ effectiveFrom: new Date(clock.now().getTime() + HOUR).toISOString(), draft });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ details: { field: string }[] }>().details.map((d) => d.field)).toEqual([
      'draft.distribution.indirectRateBp',
    ]);
    draft.distribution = {
      ...draft.distribution,
      directRateBp: 1_000,
      withdrawMinFen: 5_000,
      withdrawDailyLimitFen: 1_000,
    };
    const cap = await schedule({ effectiveFrom: new Date(clock.now().getTime() + HOUR).toISOString(), draft });
    expect(cap.json<{ details: { field: string }[] }>().details.map((d) => d.field)).toEqual([
      'draft.distribution.withdrawDailyLimitFen',
    ]);
  });

  it('an order paid before the switch earns the old rate, one paid after it the new; limits and gift follow', async () => {
    const p = await promoter(t, operator, 'money-rules-p');
    const buyer = await member(t, 'money-rules-b');
    await visit(t, buyer, await shareToken(t, p, sku.productId));
    const cashier = await staffLogin(t, 'cashier.sh001');

    const draft = await inForceDraft();
    const oldMin = draft.distribution!.withdrawMinFen;
    draft.distribution = { ...draft.distribution!, directRateBp: 2_000, withdrawMinFen: oldMin + 100 };
    draft.signupGift = { ...draft.signupGift!, enabled: false };
    const effectiveFrom = new Date(clock.now().getTime() + HOUR).toISOString();
    const version = await schedule({ effectiveFrom, note: '佣金 10% → 20%', draft });
    expect(version.statusCode, version.body).toBe(201);
    expect(version.json<BrandRuleVersionView>().rules.distribution.directRateBp).toBe(2_000);

    // Before the switch: 10%, a withdrawal just above the old minimum passes it (and fails on funds), the bag is given.
    const before = await paidOrder(t, buyer, [sku.id]);
    const oldCommission = lineCommission(before.lines[0].paidFen, 1_000);
    expect(await pendingOf(p.promoterId)).toBe(oldCommission);
    const early = await t.inject({
      method: 'POST',
      url: '/api/distribution/me/withdrawals',
      headers: p.headers,
      payload: { amountFen: oldMin + 50, clientRequestId: 'money-rules-wd-1' },
    });
    expect(early.json<{ code: string }>().code).toBe('COMMISSION_INSUFFICIENT');
    const joinedBefore = await signedUpMember(t, 'money-rules-m1', '13911110001', {
      signupToken: await signupToken(t, cashier, 1),
    });
    expect((await vouchersOf(joinedBefore)).items).toHaveLength(1);

    clock.advance(HOUR + 1_000);

    // After it: 20% on the new order only (the first keeps its 10%), the new minimum, no bag.
    const after = await paidOrder(t, buyer, [sku.id]);
    expect(await pendingOf(p.promoterId)).toBe(oldCommission + lineCommission(after.lines[0].paidFen, 2_000));
    const late = await t.inject({
      method: 'POST',
      url: '/api/distribution/me/withdrawals',
      headers: p.headers,
      payload: { amountFen: oldMin + 50, clientRequestId: 'money-rules-wd-2' },
    });
    expect(late.json<{ code: string }>().code).toBe('WITHDRAW_BELOW_MINIMUM');
    const rules = await t.inject({ method: 'GET', url: '/api/distribution/rules', headers: p.headers });
    expect(rules.json<DistributionRulesView>()).toMatchObject({
      defaultRateBp: 2_000,
      withdrawMinFen: oldMin + 100,
    });
    const joinedAfter = await signedUpMember(t, 'money-rules-m2', '13911110002', {
      signupToken: await signupToken(t, cashier, 1),
    });
    expect((await vouchersOf(joinedAfter)).items).toHaveLength(0);
  });
});

const vouchersOf = async (who: Actor) =>
  (
    await t.inject({ method: 'GET', url: '/api/members/me/vouchers', headers: who.headers })
  ).json<VoucherListResponse>();
