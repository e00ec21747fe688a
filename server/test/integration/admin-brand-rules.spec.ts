import type {
  BrandRulesOverview,
  BrandRulesPreviewResponse,
  BrandRuleVersionView,
  CheckoutQuoteResponse,
  AuditEntryView,
  Page,
} from '@tidepool/shared';
import { DEFAULT_BRAND_RULES, draftOf } from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { BrandSettings, LoyaltyRules } from '../../src/modules/brand';
import { staffLogin, type Actor } from '../support/actors';
import { createMember, createSku } from '../factories';
import { bootShop, LONG_LIVED_TOKENS } from '../support/shop';
import type { TestApp } from '../support/test-app';

// A Wednesday (the member day) in Shanghai, 10:00.
const WEDNESDAY = new Date('2026-11-25T02:00:00Z');
const clock = new TestClock(WEDNESDAY);
let t: TestApp;
let operator: Actor;
const HOUR = 3600_000;

beforeAll(async () => {
  ({ t, operator } = await bootShop(clock, { auth: LONG_LIVED_TOKENS }));
});
afterAll(() => t.close());

const draft = () => structuredClone(draftOf(DEFAULT_BRAND_RULES));

async function schedule(body: object, who = operator) {
  return t.inject({ method: 'POST', url: '/api/admin/brand-rules/versions', headers: who.headers, payload: body });
}

async function memberDayDiscount(skuId: number, buyer: Actor): Promise<number> {
  const res = await t.inject({
    method: 'POST',
    url: '/api/orders/quote',
    headers: buyer.headers,
    payload: { lines: [{ skuId, quantity: 1 }], couponIds: [] },
  });
  expect(res.statusCode).toBe(200);
  const quote = res.json<CheckoutQuoteResponse>();
  return quote.discounts.filter((d) => d.key === 'member-day').reduce((sum, d) => sum + d.amountFen, 0);
}

describe('brand rules as versioned settings', () => {
  it('lists the configuration’s set as version 0, in force', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/admin/brand-rules', headers: operator.headers });
    expect(res.statusCode).toBe(200);
    const overview = res.json<BrandRulesOverview>();
    expect(overview.inForce).toMatchObject({ id: 0, state: 'IN_FORCE', version: DEFAULT_BRAND_RULES.version });
    expect(overview.versions).toHaveLength(1);
  });

  it('refuses a discount above its threshold, a tier table that does not increase and a past time, naming fields', async () => {
    const bad = draft();
    bad.memberDay.thresholdFen = 500;
    bad.tiers[2].minGrowth = 0;
    const res = await schedule({ effectiveFrom: new Date(WEDNESDAY.getTime() - HOUR).toISOString(), draft: bad });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ details: { field: string }[] }>().details.map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['effectiveFrom', 'draft.tiers.0.memberDayDiscountFen', 'draft.tiers.2.minGrowth']),
    );
    const shape = await schedule({ effectiveFrom: 'soon', draft: { ...draft(), birthdayMultiplier: 0 } });
    expect(shape.statusCode).toBe(400);
    const overview = (
      await t.inject({ method: 'GET', url: '/api/admin/brand-rules', headers: operator.headers })
    ).json<BrandRulesOverview>();
    expect(overview.versions).toHaveLength(1);
  });

  it('is the operator’s alone', async () => {
    const manager = await staffLogin(t, 'manager.sh001');
    const res = await schedule(
      { effectiveFrom: new Date(WEDNESDAY.getTime() + HOUR).toISOString(), draft: draft() },
      manager,
    );
    expect(res.statusCode).toBe(403);
  });

  it('previews a sample basket under the draft with the checkout’s engine', async () => {
    const next = draft();
    next.memberDay.thresholdFen = 5800;
    const res = await t.inject({
      method: 'POST',
      url: '/api/admin/brand-rules/preview',
      headers: operator.headers,
      payload: { draft: next, amountFen: 6000, tier: 'GOLD', memberDay: true },
    });
    expect(res.statusCode).toBe(200);
    const gold = DEFAULT_BRAND_RULES.tierTable.find((tier) => tier.code === 'GOLD')!;
    expect(res.json<BrandRulesPreviewResponse>()).toEqual({
      current: { payableFen: 6000, memberDayDiscountFen: 0, points: expect.any(Number) },
      draft: {
        payableFen: 6000 - gold.memberDayDiscountFen,
        memberDayDiscountFen: gold.memberDayDiscountFen,
        points: expect.any(Number),
      },
    });
  });

  it('switches at the effective instant: a quote before it keeps the old threshold, one after it gets the new', async () => {
    const sku = await createSku(t, 6000, 20);
    const buyer = await createMember(t, { name: 'rules-switch' });
    expect(await memberDayDiscount(sku.id, buyer)).toBe(0);

    const next = draft();
    next.memberDay.thresholdFen = 5800;
    const effectiveFrom = new Date(WEDNESDAY.getTime() + 2 * HOUR).toISOString();
    const res = await schedule({ effectiveFrom, note: '会员日门槛 ¥68 → ¥58', draft: next });
    expect(res.statusCode).toBe(201);
    const version = res.json<BrandRuleVersionView>();
    expect(version).toMatchObject({
      state: 'PENDING',
      effectiveFrom,
      createdBy: '品牌运营',
      note: '会员日门槛 ¥68 → ¥58',
    });

    clock.advance(HOUR);
    expect(await memberDayDiscount(sku.id, buyer)).toBe(0);
    clock.advance(HOUR + 1000);
    const normal = DEFAULT_BRAND_RULES.tierTable.find((tier) => tier.code === 'NORMAL')!;
    expect(await memberDayDiscount(sku.id, buyer)).toBe(normal.memberDayDiscountFen);

    // The till and every other consumer read the same version at the same instant.
    const settings = t.app.get(BrandSettings);
    expect(settings.pricingRules().memberDay?.thresholdFen).toBe(5800);
    expect(settings.rules(WEDNESDAY).memberDay.thresholdFen).toBe(6800);
    expect(settings.rules().memberDay.version).toBe(version.version);
    const points = t.app.get(LoyaltyRules);
    expect(points.pointsForPurchase({ paidFen: 10000, tier: 'NORMAL', birthday: null, at: WEDNESDAY }).points).toBe(
      points.pointsForPurchase({ paidFen: 10000, tier: 'NORMAL', birthday: null, at: clock.now() }).points,
    );

    const overview = (
      await t.inject({ method: 'GET', url: '/api/admin/brand-rules', headers: operator.headers })
    ).json<BrandRulesOverview>();
    expect(overview.inForce.id).toBe(version.id);
    expect(overview.versions.map((v) => v.state)).toEqual(['IN_FORCE', 'SUPERSEDED']);

    const audit = await t.inject({
      method: 'GET',
      url: `/api/admin/audit?objectType=brand_rules&objectId=${version.id}`,
      headers: operator.headers,
    });
    expect(audit.json<Page<AuditEntryView>>().items[0]).toMatchObject({ action: 'brand_rules.schedule' });

    // Once in force it cannot be cancelled: a change is a new version.
    const cancel = await t.inject({
      method: 'POST',
      url: `/api/admin/brand-rules/versions/${version.id}/cancel`,
      headers: operator.headers,
    });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json<{ code: string }>().code).toBe('BRAND_RULES_ALREADY_IN_FORCE');
  });

  it('cancels a scheduled version before it applies, and it never does', async () => {
    const next = draft();
    next.returnWindowDays = 15;
    const effectiveFrom = new Date(clock.now().getTime() + HOUR).toISOString();
    const version = (await schedule({ effectiveFrom, draft: next })).json<BrandRuleVersionView>();
    const cancel = await t.inject({
      method: 'POST',
      url: `/api/admin/brand-rules/versions/${version.id}/cancel`,
      headers: operator.headers,
    });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json<BrandRuleVersionView>().state).toBe('CANCELLED');
    clock.advance(2 * HOUR);
    expect(t.app.get(BrandSettings).rules().returnWindowDays).toBe(DEFAULT_BRAND_RULES.returnWindowDays);
    const missing = await t.inject({
      method: 'POST',
      url: '/api/admin/brand-rules/versions/9999/cancel',
      headers: operator.headers,
    });
    expect(missing.statusCode).toBe(404);
  });
});
