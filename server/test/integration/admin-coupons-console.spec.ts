import type {
  AdminCouponTemplateView,
  AdminIssueCouponsResponse,
  ApiErrorBody,
  AuditEntryView,
  CouponTemplateFigures,
  CouponWalletResponse,
  OperatorMemberSearchResponse,
  Page,
} from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { createMember, createSku, paidOrder } from '../factories';
import { type Actor, signedUpMember, staffLogin } from '../support/actors';
import { bootShop } from '../support/shop';
import type { TestApp } from '../support/test-app';

// Thursday 2026-12-03 10:00 in Shanghai: not a member day, so prices are plain.
const clock = new TestClock(new Date('2026-12-03T02:00:00Z'));
let t: TestApp & { db: { drop(): Promise<void> } };
let operator: Actor;
let manager: Actor;
beforeAll(async () => {
  ({ t, operator } = await bootShop(clock));
  manager = await staffLogin(t, 'manager.sh001');
});
afterAll(async () => {
  await t.close();
});

const TERMS = {
  name: '满99减20',
  kind: 'AMOUNT_OFF',
  amountOffFen: 2000,
  thresholdFen: 9900,
  scope: { kind: 'ALL' },
  stacking: 'EXCLUSIVE',
  validDays: 30,
};

const call = (who: Actor, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

async function createTemplate(payload: object = TERMS): Promise<AdminCouponTemplateView> {
  const res = await call(operator, 'POST', '/api/admin/coupon-templates', payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AdminCouponTemplateView>();
}

const issue = async (ref: string | number, payload: object) =>
  call(operator, 'POST', `/api/admin/coupon-templates/${ref}/issue`, payload);

const fieldsOf = (body: string) => (JSON.parse(body) as ApiErrorBody).details?.map((d) => d.field);

describe('coupon templates in the console', () => {
  it('creates, lists, edits and stops a template, each write audited', async () => {
    const created = await createTemplate({ ...TERMS, claimable: true, claimPerMember: 2, claimTotal: 100 });
    expect(created).toMatchObject({
      name: '满99减20',
      label: '满99减20',
      status: 'ACTIVE',
      version: 1,
      validDays: 30,
      validFrom: null,
      claimable: true,
      claimPerMember: 2,
      claimTotal: 100,
      claimedCount: 0,
    });
    expect(created.code).toMatch(/^T20261203_[0-9A-F]{6}$/);

    const list = (name: string, extra = '') =>
      call(operator, 'GET', `/api/admin/coupon-templates?name=${encodeURIComponent(name)}${extra}`).then((r) =>
        r.json<Page<AdminCouponTemplateView>>(),
      );
    expect((await list('满99减')).items.map((i) => i.id)).toContain(created.id);
    expect((await list('满99减', '&kind=PERCENT')).items).toEqual([]);
    expect((await list('满99减', '&status=STOPPED')).items).toEqual([]);
    const page = (await call(operator, 'GET', '/api/admin/coupon-templates?pageSize=1')).json<
      Page<AdminCouponTemplateView>
    >();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);

    const edited = await call(operator, 'PUT', `/api/admin/coupon-templates/${created.id}`, {
      ...TERMS,
      name: '满99减20（冬季）',
      validDays: null,
      validFrom: '2026-12-05T16:00:00.000Z',
      validUntil: '2026-12-31T16:00:00.000Z',
      claimable: true,
      claimPerMember: 2,
      claimTotal: 100,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      name: '满99减20（冬季）',
      version: 2,
      validFrom: '2026-12-05T16:00:00.000Z',
      validUntil: '2026-12-31T16:00:00.000Z',
    });

    const stopped = await call(operator, 'POST', `/api/admin/coupon-templates/${created.id}/stop`);
    expect(stopped.json()).toMatchObject({ status: 'STOPPED', claimable: false });
    const refused = await issue(created.id, { batch: 'after-stop', memberIds: [1] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ApiErrorBody>().code).toBe('COUPON_TEMPLATE_STOPPED');

    const audit = (
      await call(operator, 'GET', `/api/admin/audit?objectType=coupon_template&objectId=${created.id}`)
    ).json<Page<AuditEntryView>>();
    expect(audit.items.map((e) => e.action)).toEqual([
      'coupon_template.stop',
      'coupon_template.update',
      'coupon_template.create',
    ]);
    expect(audit.items[1]).toMatchObject({
      actorRole: 'operator',
      before: { name: '满99减20', validFrom: null },
      after: { name: '满99减20（冬季）', validFrom: '2026-12-05T16:00:00.000Z' },
    });
  });

  it('refuses broken terms with 400 naming the field', async () => {
    const bad = async (payload: object) => {
      const res = await call(operator, 'POST', '/api/admin/coupon-templates', payload);
      expect(res.statusCode).toBe(400);
      expect(res.json<ApiErrorBody>().code).toBe('VALIDATION_FAILED');
      return fieldsOf(res.body);
    };
    expect(await bad({ ...TERMS, amountOffFen: 10_000 })).toEqual(['amountOffFen']);
    const percent = { ...TERMS, kind: 'PERCENT', amountOffFen: undefined, thresholdFen: 0 };
    expect(await bad({ ...percent, payRateBp: 9950 })).toEqual(['payRateBp']);
    expect(await bad({ ...percent, payRateBp: 50 })).toEqual(['payRateBp']);
    expect(
      await bad({ ...TERMS, validDays: null, validFrom: '2026-12-10T00:00:00Z', validUntil: '2026-12-09T00:00:00Z' }),
    ).toEqual(['validUntil']);
    expect(await bad({ ...TERMS, validDays: null })).toEqual(['validDays']);
    expect(await bad({ ...TERMS, scope: { kind: 'PRODUCTS', productIds: [] } })).toEqual(['scope']);
    // 打88折 with a ¥50 cap is fine.
    expect(
      (
        await call(operator, 'POST', '/api/admin/coupon-templates', {
          ...percent,
          payRateBp: 8800,
          maxDiscountFen: 5000,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('is brand-wide: a store manager cannot read or write templates (403)', async () => {
    const tpl = await createTemplate();
    for (const [method, url, payload] of [
      ['GET', '/api/admin/coupon-templates', undefined],
      ['POST', '/api/admin/coupon-templates', TERMS],
      ['PUT', `/api/admin/coupon-templates/${tpl.id}`, TERMS],
      ['POST', `/api/admin/coupon-templates/${tpl.id}/stop`, undefined],
      ['POST', `/api/admin/coupon-templates/${tpl.id}/issue`, { batch: 'x', memberIds: [1] }],
    ] as const) {
      expect((await call(manager, method, url, payload)).statusCode, `${method} ${url}`).toBe(403);
    }
  });
});

describe('issuing', () => {
  it('issues by pasted phones, reports unknown phones, and never twice in one batch', async () => {
    const tpl = await createTemplate();
    const a = await signedUpMember(t, 'issue-a', '13711110001');
    await signedUpMember(t, 'issue-b', '13711110002');
    const found = (
      await call(operator, 'GET', '/api/admin/members?phone=13711110001')
    ).json<OperatorMemberSearchResponse>();
    expect(found.items).toEqual([
      expect.objectContaining({ phoneMasked: '137****0001', tier: { code: 'NORMAL', name: '普卡' } }),
    ]);
    expect(JSON.stringify(found)).not.toContain('13711110001');
    expect((await call(operator, 'GET', '/api/admin/members?phone=13711119999')).json()).toEqual({ items: [] });
    expect((await call(operator, 'GET', '/api/admin/members?phone=123')).statusCode).toBe(400);

    const payload = { batch: 'winter-1', phones: ['13711110001', '13711110002', '13711110001', '13711119999'] };
    expect((await issue(tpl.id, payload)).json()).toEqual({ issued: 2, alreadyHad: 0, unknownPhones: ['13711119999'] });
    expect((await issue(tpl.code, payload)).json()).toEqual({
      issued: 0,
      alreadyHad: 2,
      unknownPhones: ['13711119999'],
    });
    const wallet = (await call(a, 'GET', '/api/coupons/me')).json<CouponWalletResponse>();
    expect(wallet.items.filter((c) => c.name === '满99减20')).toHaveLength(1);

    const stock = (
      await call(operator, 'GET', `/api/admin/coupon-templates/${tpl.id}`)
    ).json<AdminCouponTemplateView>();
    expect(stock.claimedCount).toBe(2);
    const audit = (
      await call(
        operator,
        'GET',
        `/api/admin/audit?objectType=coupon_template&objectId=${tpl.id}&action=coupon_template.issue`,
      )
    ).json<Page<AuditEntryView>>();
    expect(audit.items).toHaveLength(2);
    expect(audit.items[1].after).toEqual({
      batch: 'winter-1',
      target: { phones: 4, unknownPhones: 1 },
      issued: 2,
      alreadyHad: 0,
    });
    const none = await issue(tpl.id, { batch: 'nobody' });
    expect(none.statusCode).toBe(400);
    expect(fieldsOf(none.body)).toEqual(['phones']);
  });

  it('issues to every member of a tier in batches, and refuses a batch beyond the stock whole', async () => {
    const silver = await Promise.all([createMember(t, { growth: 3000 }), createMember(t, { growth: 4000 })]);
    const normal = await createMember(t);
    const tpl = await createTemplate({ ...TERMS, name: '银卡专享', claimTotal: 2 });
    const res = await issue(tpl.id, { batch: 'silver-1', tier: 'SILVER' });
    expect(res.json<AdminIssueCouponsResponse>()).toEqual({ issued: 2, alreadyHad: 0, unknownPhones: [] });
    for (const m of silver) {
      const w = (await call(m, 'GET', '/api/coupons/me')).json<CouponWalletResponse>();
      expect(w.items.map((c) => c.name)).toContain('银卡专享');
    }
    const w = (await call(normal, 'GET', '/api/coupons/me')).json<CouponWalletResponse>();
    expect(w.items.map((c) => c.name)).not.toContain('银卡专享');
    expect((await issue(tpl.id, { batch: 'silver-1', tier: 'SILVER' })).json()).toMatchObject({
      issued: 0,
      alreadyHad: 2,
    });

    const short = await issue(tpl.id, { batch: 'normal-1', memberIds: [normal.id] });
    expect(short.statusCode).toBe(409);
    expect(short.json<ApiErrorBody>()).toMatchObject({
      code: 'COUPON_STOCK_SHORT',
      message: expect.stringContaining('剩余 0 张'),
    });
    const after = (await call(normal, 'GET', '/api/coupons/me')).json<CouponWalletResponse>();
    expect(after.items.map((c) => c.name)).not.toContain('银卡专享');
  });
});

describe('template figures', () => {
  it('counts issued, used, expired and unused, and the GMV of the paid order that used one', async () => {
    const tpl = await createTemplate({ ...TERMS, name: '满99减20·图表' });
    const buyer = await createMember(t);
    const other = await createMember(t);
    await issue(tpl.id, { batch: 'figures', memberIds: [buyer.id, other.id] });
    const short = await createTemplate({ ...TERMS, name: '一天券', validDays: 1 });
    await issue(short.id, { batch: 'figures', memberIds: [buyer.id] });

    const sku = await createSku(t, 12_000);
    const coupon = (await call(buyer, 'GET', '/api/coupons/me'))
      .json<CouponWalletResponse>()
      .items.find((c) => c.name === '满99减20·图表')!;
    const order = await paidOrder(t, buyer, [sku.id], { couponIds: [coupon.id] });
    expect(order.payableFen).toBe(10_000);

    const figures = (
      await call(operator, 'GET', `/api/admin/coupon-templates/${tpl.id}/figures`)
    ).json<CouponTemplateFigures>();
    expect(figures).toEqual({
      templateId: tpl.id,
      issued: 2,
      used: 1,
      expired: 0,
      unused: 1,
      usedPurchases: 1,
      gmvFen: 10_000,
    });

    clock.advance(2 * 86_400_000);
    const expired = (
      await call(operator, 'GET', `/api/admin/coupon-templates/${short.id}/figures`)
    ).json<CouponTemplateFigures>();
    expect(expired).toMatchObject({ issued: 1, used: 0, expired: 1, unused: 0, gmvFen: 0 });
    expect((await call(manager, 'GET', `/api/admin/coupon-templates/${tpl.id}/figures`)).statusCode).toBe(403);
    expect((await call(operator, 'GET', '/api/admin/coupon-templates/999999/figures')).statusCode).toBe(404);
  });
});
