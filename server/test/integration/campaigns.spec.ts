import { getDataSourceToken } from '@nestjs/typeorm';
import {
  type AdminCampaignDryRunResponse,
  type AdminCampaignResults,
  type AdminCampaignVersionView,
  type AdminCampaignView,
  type AdminCouponTemplateView,
  type ApiErrorBody,
  type AuditEntryView,
  type CampaignDefinition,
  type CampaignFact,
  type CouponWalletResponse,
  inHoldout,
  memberCodeAt,
  type Page,
  type PointsBalanceResponse,
  type StoreMemberSummary,
  type TillPaymentMethod,
  type TillTransactionView,
} from '@tidepool/shared';
import { type DataSource, Like } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { CampaignEngine } from '../../src/modules/campaigns/campaign-engine.service';
import { CampaignGrant } from '../../src/modules/campaigns/campaign.entities';
import { MemberCoupon } from '../../src/modules/coupons/member-coupon.entity';
import { createMember, createSku, paidOrder } from '../factories';
import { type Actor, codeCredential, staffLogin } from '../support/actors';
import { settleOutbox } from '../support/outbox';
import { bootShop, LONG_LIVED_TOKENS } from '../support/shop';
import type { TestApp } from '../support/test-app';

// Thursday 2026-12-03 10:00 in Shanghai: not a member day, so till sales and orders pay their list price.
const START = new Date('2026-12-03T02:00:00Z');
const DAY = 86_400_000;
const clock = new TestClock(START);
let t: TestApp & { db: { drop(): Promise<void> } };
let operator: Actor;
let cashier: Actor;
let db: DataSource;
let fiveOff: AdminCouponTemplateView;

beforeAll(async () => {
  ({ t, operator } = await bootShop(clock, { auth: LONG_LIVED_TOKENS }));
  cashier = await staffLogin(t, 'cashier.sh001');
  db = t.app.get<DataSource>(getDataSourceToken());
  fiveOff = await createTemplate();
});
afterAll(async () => {
  await t.close();
});

const call = (who: Actor, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

async function createTemplate(): Promise<AdminCouponTemplateView> {
  const res = await call(operator, 'POST', '/api/admin/coupon-templates', {
    name: '活动5元券',
    kind: 'AMOUNT_OFF',
    amountOffFen: 500,
    thresholdFen: 0,
    scope: { kind: 'ALL' },
    stacking: 'STACKABLE',
    validDays: 30,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AdminCouponTemplateView>();
}

/** A campaign on ALIPAY purchases (the shipped golden-window campaign asks for WeChat Pay, so it stays out). */
const alipayCampaign = (over: Partial<CampaignDefinition> = {}): CampaignDefinition => ({
  trigger: { kind: 'ORDER_PAID', minPaidFen: 1000, paymentMethod: 'ALIPAY' },
  action: { kind: 'ISSUE_COUPON', couponTemplateId: fiveOff.id, validDays: 10 },
  limits: { perMember: null, budgetFen: null, budgetCount: null, startsAt: null, endsAt: null },
  holdoutBp: 0,
  ...over,
});

async function activeCampaign(name: string, definition: CampaignDefinition): Promise<AdminCampaignView> {
  const created = await call(operator, 'POST', '/api/admin/campaigns', { name, definition });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<AdminCampaignView>().id;
  const active = await call(operator, 'POST', `/api/admin/campaigns/${id}/activate`);
  expect(active.statusCode, active.body).toBe(200);
  return active.json<AdminCampaignView>();
}

const endCampaign = async (id: number) =>
  expect((await call(operator, 'POST', `/api/admin/campaigns/${id}/end`)).statusCode).toBe(200);

const alipaySale = (paidFen = 5000): CampaignFact => ({
  kind: 'ORDER_PAID',
  paidAt: clock.now(),
  paidFen,
  paymentMethod: 'ALIPAY',
  firstPurchaseAt: null,
  categoryItems: null,
});

async function tillSale(member: Actor, amountFen: number, paymentMethod: TillPaymentMethod, clientId: string) {
  const credential = await codeCredential(t, member);
  const scan = await call(cashier, 'POST', '/api/store-mode/scans', {
    code: memberCodeAt(credential, clock.now().getTime()),
  });
  expect(scan.statusCode, scan.body).toBe(200);
  const sale = await call(cashier, 'POST', '/api/store-mode/purchases', {
    scanId: scan.json<StoreMemberSummary>().scanId,
    amountFen,
    paymentMethod,
    clientId,
  });
  expect(sale.statusCode, sale.body).toBe(200);
  expect(sale.json<TillTransactionView>().payableFen).toBe(amountFen);
  await settleOutbox(t);
}

const goldenCoupons = async (member: Actor) =>
  (await call(member, 'GET', '/api/coupons/me'))
    .json<CouponWalletResponse>()
    .items.filter((c) => c.name === '新客复购88折券');

const fieldsOf = (body: string) => (JSON.parse(body) as ApiErrorBody).details?.map((d) => d.field);

let saleNo = 0;
const clientId = () => `campaign-sale-${String(++saleNo).padStart(4, '0')}`;

describe('the shipped golden-window campaign', () => {
  it('is active from boot, issuing the 88折 template', async () => {
    const list = (await call(operator, 'GET', '/api/admin/campaigns?status=ACTIVE')).json<Page<AdminCampaignView>>();
    const golden = list.items.find((c) => c.key === 'golden-window');
    expect(golden).toMatchObject({ status: 'ACTIVE', version: 1, name: '新客黄金期复购券' });
    expect(golden?.definition.trigger).toEqual({
      kind: 'ORDER_PAID',
      minPaidFen: 3500,
      paymentMethod: 'WECHAT_PAY',
      goldenWindowDays: 14,
    });
    expect(golden?.definition.action).toMatchObject({ kind: 'ISSUE_COUPON', validDays: 7 });
  });

  it('a ¥35 WeChat-Pay till sale in the window earns the 88折 coupon for 7 days; ¥34.99 and cash do not', async () => {
    clock.set(START);
    const member = await createMember(t);
    await tillSale(member, 3499, 'WECHAT_PAY', clientId());
    expect(await goldenCoupons(member)).toEqual([]);
    await tillSale(member, 3500, 'CASH', clientId());
    expect(await goldenCoupons(member)).toEqual([]);

    clock.set(new Date(START.getTime() + 3 * DAY));
    await tillSale(member, 3500, 'WECHAT_PAY', clientId());
    const [coupon, ...more] = await goldenCoupons(member);
    expect(more).toEqual([]);
    expect(coupon).toMatchObject({ kind: 'PERCENT', payRateBp: 8800, thresholdFen: 0, status: 'AVAILABLE' });
    expect(coupon.label).toBe('88折');
    expect(Date.parse(coupon.validUntil) - Date.parse(coupon.validFrom)).toBe(7 * DAY);
    expect(coupon.validFrom).toBe(clock.now().toISOString());
  });

  it('not outside the window: 14 days after the first purchase it is over', async () => {
    clock.set(START);
    const member = await createMember(t);
    await tillSale(member, 1000, 'CASH', clientId()); // the first purchase opens the window
    clock.set(new Date(START.getTime() + 14 * DAY + 60_000));
    await tillSale(member, 5000, 'WECHAT_PAY', clientId());
    expect(await goldenCoupons(member)).toEqual([]);
  });

  it('online: a paid ¥35 order (WeChat Pay) earns it', async () => {
    clock.set(START);
    const sku = await createSku(t, 3500);
    const member = await createMember(t);
    const order = await paidOrder(t, member, [sku.id]);
    expect(order.payableFen).toBe(3500);
    expect(await goldenCoupons(member)).toHaveLength(1);
    const grant = await db
      .getRepository(CampaignGrant)
      .findOneByOrFail({ memberId: member.id, triggerKey: `order:${order.id}` });
    expect(grant).toMatchObject({ outcome: 'GRANTED', version: 1, costFen: 0 });
  });
});

describe('evaluation guards', () => {
  it('fires exactly once per member and triggering event under 20 concurrent deliveries', async () => {
    const campaign = await activeCampaign('并发20', alipayCampaign());
    const member = await createMember(t);
    const engine = t.app.get(CampaignEngine);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => engine.evaluate(member.id, alipaySale(), 'till:900001')),
    );
    expect(outcomes.flat().filter((o) => o.campaignId === campaign.id)).toEqual([
      { campaignId: campaign.id, outcome: 'GRANTED' },
    ]);
    expect(await db.getRepository(CampaignGrant).countBy({ campaignId: campaign.id })).toBe(1);
    expect(
      await db
        .getRepository(MemberCoupon)
        .countBy({ memberId: member.id, issueKey: Like(`campaign:${campaign.id}:%`) }),
    ).toBe(1);
    await endCampaign(campaign.id);
  });

  it('a budget of 10 holds under 100 parallel qualifying payments: exactly 10 grants', async () => {
    const campaign = await activeCampaign(
      '预算10',
      alipayCampaign({ limits: { perMember: null, budgetFen: 5000, budgetCount: 10, startsAt: null, endsAt: null } }),
    );
    const engine = t.app.get(CampaignEngine);
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => engine.evaluate(700_000 + i, alipaySale(), `till:${800_000 + i}`)),
    );
    const elapsed = Date.now() - started;
    const results = (
      await call(operator, 'GET', `/api/admin/campaigns/${campaign.id}/results`)
    ).json<AdminCampaignResults>();
    expect(results).toMatchObject({ granted: 10, overBudget: 90, heldOut: 0, costFen: 5000, couponsUsed: 0 });
    expect(await db.getRepository(MemberCoupon).countBy({ issueKey: Like(`campaign:${campaign.id}:%`) })).toBe(10);
    const view = (await call(operator, 'GET', `/api/admin/campaigns/${campaign.id}`)).json<AdminCampaignView>();
    expect(view).toMatchObject({ grantedCount: 10, spentFen: 5000 });
    console.log(`100 parallel evaluations against a budget of 10: ${elapsed} ms`);
    await endCampaign(campaign.id);
  });

  it('a per-member limit: the second qualifying purchase of a member is OVER_MEMBER_LIMIT', async () => {
    const campaign = await activeCampaign(
      '每人1次',
      alipayCampaign({ limits: { perMember: 1, budgetFen: null, budgetCount: null, startsAt: null, endsAt: null } }),
    );
    const engine = t.app.get(CampaignEngine);
    const first = await engine.evaluate(650_001, alipaySale(), 'till:650001');
    const second = await engine.evaluate(650_001, alipaySale(), 'till:650002');
    expect(first.find((r) => r.campaignId === campaign.id)?.outcome).toBe('GRANTED');
    expect(second.find((r) => r.campaignId === campaign.id)?.outcome).toBe('OVER_MEMBER_LIMIT');
    await endCampaign(campaign.id);
  });

  it('holdout members are recorded HELD_OUT and get nothing', async () => {
    const campaign = await activeCampaign('对照组', alipayCampaign({ holdoutBp: 5000 }));
    const engine = t.app.get(CampaignEngine);
    const members = Array.from({ length: 40 }, (_, i) => 600_000 + i);
    for (const memberId of members) await engine.evaluate(memberId, alipaySale(), `till:${memberId}`);
    const grants = await db.getRepository(CampaignGrant).findBy({ campaignId: campaign.id });
    const held = members.filter((m) => inHoldout(m, campaign.key, 5000));
    expect(held.length).toBeGreaterThan(5);
    expect(held.length).toBeLessThan(35);
    for (const memberId of members) {
      const grant = grants.find((g) => g.memberId === memberId);
      const coupons = await db
        .getRepository(MemberCoupon)
        .countBy({ memberId, issueKey: Like(`campaign:${campaign.id}:%`) });
      if (held.includes(memberId)) {
        expect(grant).toMatchObject({ outcome: 'HELD_OUT', couponId: null, costFen: 0 });
        expect(coupons).toBe(0);
      } else {
        expect(grant).toMatchObject({ outcome: 'GRANTED', costFen: 500 });
        expect(coupons).toBe(1);
      }
    }
    const results = (
      await call(operator, 'GET', `/api/admin/campaigns/${campaign.id}/results`)
    ).json<AdminCampaignResults>();
    expect(results).toMatchObject({ granted: 40 - held.length, heldOut: held.length });
    await endCampaign(campaign.id);
  });

  it('a paused campaign grants nothing; a grant of points goes through the loyalty ledger', async () => {
    const campaign = await activeCampaign('送积分', alipayCampaign({ action: { kind: 'GRANT_POINTS', points: 66 } }));
    const member = await createMember(t);
    expect((await call(operator, 'POST', `/api/admin/campaigns/${campaign.id}/pause`)).statusCode).toBe(200);
    const engine = t.app.get(CampaignEngine);
    expect(await engine.evaluate(member.id, alipaySale(), 'till:pause-1')).toEqual([]);
    expect((await call(operator, 'POST', `/api/admin/campaigns/${campaign.id}/activate`)).statusCode).toBe(200);
    const before = (await call(member, 'GET', '/api/loyalty/me/points')).json<PointsBalanceResponse>();
    expect(await engine.evaluate(member.id, alipaySale(), 'till:pause-2')).toContainEqual({
      campaignId: campaign.id,
      outcome: 'GRANTED',
    });
    const after = (await call(member, 'GET', '/api/loyalty/me/points')).json<PointsBalanceResponse>();
    expect(after.available - before.available).toBe(66);
    const grant = await db
      .getRepository(CampaignGrant)
      .findOneByOrFail({ campaignId: campaign.id, memberId: member.id });
    expect(grant.ledgerRef).toBe(`campaign:${grant.id}`);
    await endCampaign(campaign.id);
  });
});

describe('versions', () => {
  it('a new version does not rewrite earlier grants', async () => {
    const campaign = await activeCampaign('改版', alipayCampaign());
    const engine = t.app.get(CampaignEngine);
    await engine.evaluate(610_001, alipaySale(), 'till:610001');
    const edited = await call(operator, 'PUT', `/api/admin/campaigns/${campaign.id}`, {
      name: '改版（第二版）',
      definition: alipayCampaign({ action: { kind: 'ISSUE_COUPON', couponTemplateId: fiveOff.id, validDays: 3 } }),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<AdminCampaignView>()).toMatchObject({ version: 2, status: 'ACTIVE', name: '改版（第二版）' });
    await engine.evaluate(610_002, alipaySale(), 'till:610002');

    const grants = await db
      .getRepository(CampaignGrant)
      .find({ where: { campaignId: campaign.id }, order: { id: 'ASC' } });
    expect(grants.map((g) => [g.memberId, g.version, g.outcome])).toEqual([
      [610_001, 1, 'GRANTED'],
      [610_002, 2, 'GRANTED'],
    ]);
    const coupons = await db.getRepository(MemberCoupon).findBy({ issueKey: Like(`campaign:${campaign.id}:%`) });
    const validity = (memberId: number) => {
      const c = coupons.find((row) => row.memberId === memberId)!;
      return (c.validUntil.getTime() - c.validFrom.getTime()) / DAY;
    };
    expect([validity(610_001), validity(610_002)]).toEqual([10, 3]);

    const versions = (await call(operator, 'GET', `/api/admin/campaigns/${campaign.id}/versions`)).json<
      AdminCampaignVersionView[]
    >();
    expect(versions.map((v) => [v.version, v.definition.action])).toEqual([
      [2, { kind: 'ISSUE_COUPON', couponTemplateId: fiveOff.id, validDays: 3 }],
      [1, { kind: 'ISSUE_COUPON', couponTemplateId: fiveOff.id, validDays: 10 }],
    ]);
    const results = (
      await call(operator, 'GET', `/api/admin/campaigns/${campaign.id}/results`)
    ).json<AdminCampaignResults>();
    expect(results.byVersion).toEqual([
      { version: 1, granted: 1, heldOut: 0, overBudget: 0, costFen: 500 },
      { version: 2, granted: 1, heldOut: 0, overBudget: 0, costFen: 500 },
    ]);
    const audit = (await call(operator, 'GET', `/api/admin/audit?objectType=campaign&objectId=${campaign.id}`)).json<
      Page<AuditEntryView>
    >();
    expect(audit.items.map((e) => e.action).sort()).toEqual([
      'campaign.activate',
      'campaign.create',
      'campaign.update',
    ]);
    await endCampaign(campaign.id);
    const again = await call(operator, 'PUT', `/api/admin/campaigns/${campaign.id}`, {
      name: '改版',
      definition: alipayCampaign(),
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('the console routes', () => {
  it('bad budget, dates or template → 400 naming the field', async () => {
    const post = (definition: object) => call(operator, 'POST', '/api/admin/campaigns', { name: '坏活动', definition });
    const base = alipayCampaign();
    let res = await post({ ...base, limits: { ...base.limits, budgetFen: -1, budgetCount: 0 } });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['limits.budgetFen', 'limits.budgetCount']);
    res = await post({
      ...base,
      limits: { ...base.limits, startsAt: '2026-12-10T00:00:00.000Z', endsAt: '2026-12-01T00:00:00.000Z' },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['limits.endsAt']);
    res = await post({ ...base, action: { kind: 'ISSUE_COUPON', couponTemplateId: 999_999, validDays: 7 } });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['action.couponTemplateId']);
    expect((JSON.parse(res.body) as ApiErrorBody).code).toBe('VALIDATION_FAILED');
    const golden = (await call(operator, 'GET', '/api/admin/campaigns?status=ACTIVE')).json<Page<AdminCampaignView>>();
    const goldenTemplate = golden.items.find((c) => c.key === 'golden-window')!.definition.action;
    res = await post({ ...base, action: goldenTemplate, limits: { ...base.limits, budgetFen: 10_000 } });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['limits.budgetFen']);
    expect((await call(operator, 'GET', '/api/admin/campaigns/999999')).statusCode).toBe(404);
    const manager = await staffLogin(t, 'manager.sh001');
    expect((await call(manager, 'GET', '/api/admin/campaigns')).statusCode).toBe(403);
  });

  it('a dry run counts who would have qualified over the last day and what it would cost', async () => {
    clock.set(new Date(START.getTime() + 40 * DAY));
    const a = await createMember(t);
    const b = await createMember(t);
    await tillSale(a, 2000, 'ALIPAY', clientId());
    await tillSale(a, 3000, 'ALIPAY', clientId());
    await tillSale(b, 4000, 'ALIPAY', clientId());
    await tillSale(b, 4000, 'CASH', clientId());
    clock.set(new Date(clock.now().getTime() + 60_000));
    const dryRun = (definition: CampaignDefinition, days?: number) =>
      call(operator, 'POST', '/api/admin/campaigns/dry-run', { definition, ...(days ? { days } : {}) });
    let res = await dryRun(alipayCampaign());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AdminCampaignDryRunResponse>()).toEqual({
      days: 1,
      replayable: true,
      purchases: 4,
      qualifyingPurchases: 3,
      members: 2,
      grants: 3,
      heldOut: 0,
      costFen: 1500,
    });
    res = await dryRun(
      alipayCampaign({ limits: { perMember: 1, budgetFen: null, budgetCount: null, startsAt: null, endsAt: null } }),
    );
    expect(res.json<AdminCampaignDryRunResponse>()).toMatchObject({
      qualifyingPurchases: 3,
      members: 2,
      grants: 2,
      costFen: 1000,
    });
    res = await dryRun({ ...alipayCampaign(), trigger: { kind: 'SIGNED_UP' } });
    expect(res.json<AdminCampaignDryRunResponse>()).toMatchObject({ replayable: false, grants: 0 });
    res = await dryRun({ ...alipayCampaign(), holdoutBp: 9000 });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['holdoutBp']);
  });
});
