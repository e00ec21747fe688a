import type { Page, ProductSummaryDto, PromotionsView, StorefrontSettingsView } from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOT_KEYWORDS, DEMO_PRODUCTS } from '../../src/modules/seed/demo-catalog';
import { DEFAULT_STOREFRONT_SETTINGS, StorefrontService } from '../../src/modules/storefront/storefront.service';
import { type Actor, memberLogin, staffLogin } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let operator: Actor;
beforeAll(async () => {
  t = await createTestApp();
  operator = await staffLogin(t, 'operator');
});
afterAll(() => t.close());

const get = async <T>(url: string) => {
  const res = await t.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json<T>() };
};
const search = async (keyword: string, page = 1, pageSize = 20) =>
  (
    await get<Page<ProductSummaryDto>>(
      `/api/catalog/products?keyword=${encodeURIComponent(keyword)}&page=${page}&pageSize=${pageSize}`,
    )
  ).body;

describe('search (GET /api/catalog/products?keyword=)', () => {
  it('finds products by name or subtitle', async () => {
    expect((await search('耳机')).items.map((p) => p.name)).toEqual(['真无线蓝牙耳机']);
    const subtitled = DEMO_PRODUCTS.find((p) => p.subtitle && p.subtitle.length >= 4)!;
    const words = subtitled.subtitle.slice(0, 4);
    expect((await search(words)).items.map((p) => p.name)).toContain(subtitled.name);
  });

  it('finds something for every demo hot keyword', async () => {
    for (const kw of DEMO_HOT_KEYWORDS) expect((await search(kw)).total, kw).toBeGreaterThan(0);
  });

  it('pages the results for load-more, each product once', async () => {
    const all = await search('公仔', 1, 50);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const first = await search('公仔', 1, 2);
    expect(first).toMatchObject({ total: all.total, hasMore: true });
    const ids = [...first.items.map((p) => p.id)];
    for (let page = 2; ids.length < all.total; page++)
      ids.push(...(await search('公仔', page, 2)).items.map((p) => p.id));
    expect(ids).toEqual(all.items.map((p) => p.id));
  });

  it('takes % and _ literally (escaped LIKE), and finds nothing for nonsense', async () => {
    for (const kw of ['%', '_', '%%', '!', '100%', "'", '"']) {
      expect((await search(kw)).total, kw).toBe(0);
    }
    expect(await search('不存在的东西xyz')).toMatchObject({ items: [], total: 0, hasMore: false });
  });

  it('tags products with their item promotions (the snacks are in the 2件79折 zone)', async () => {
    const found = await search('曲奇');
    expect(found.items[0]?.promotionTags).toContain('zone-2for79');
    expect((await search('耳机')).items[0]?.promotionTags).toEqual([]);
  });

  it('refuses a keyword longer than 32 characters naming it', async () => {
    const res = await get<{ code: string; details: { field: string }[] }>(
      `/api/catalog/products?keyword=${'长'.repeat(33)}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.details[0]?.field).toBe('keyword');
  });
});

describe('hot keywords and customer service', () => {
  it('serves the demo hot keywords and a service phone publicly', async () => {
    const { status, body } = await get<StorefrontSettingsView>('/api/storefront/settings');
    expect(status).toBe(200);
    expect(body.hotKeywords).toEqual(DEMO_HOT_KEYWORDS);
    expect(body.servicePhone).toMatch(/\d/);
    expect(body.serviceHours).not.toBe('');
  });

  it('lets the operator set them (trimmed), changing only the fields given', async () => {
    const res = await t.inject({
      method: 'PUT',
      url: '/api/admin/storefront/settings',
      headers: operator.headers,
      payload: { hotKeywords: [' 蜡烛 ', '公仔'] },
    });
    expect(res.statusCode).toBe(200);
    const { body } = await get<StorefrontSettingsView>('/api/storefront/settings');
    expect(body.hotKeywords).toEqual(['蜡烛', '公仔']);
    expect(body.servicePhone).toBe(res.json<StorefrontSettingsView>().servicePhone);
    const phone = await t.inject({
      method: 'PUT',
      url: '/api/admin/storefront/settings',
      headers: operator.headers,
      payload: { servicePhone: '021-6288 0000', serviceHours: '工作日 10:00-18:00' },
    });
    expect(phone.json()).toEqual({
      hotKeywords: ['蜡烛', '公仔'],
      servicePhone: '021-6288 0000',
      serviceHours: '工作日 10:00-18:00',
    });
  });

  it.each([
    [{ hotKeywords: Array.from({ length: 11 }, (_, i) => `词${i}`) }, 'hotKeywords'],
    [{ hotKeywords: ['重复', '重复'] }, 'hotKeywords'],
    [{ hotKeywords: [''] }, 'hotKeywords'],
    [{ hotKeywords: ['长'.repeat(17)] }, 'hotKeywords'],
    [{ hotKeywords: 'abc' }, 'hotKeywords'],
    [{ servicePhone: 'call me' }, 'servicePhone'],
    [{ colour: 'red' }, 'colour'],
  ])('refuses %o with 400 naming %s and changes nothing', async (payload, field) => {
    const before = (await get<StorefrontSettingsView>('/api/storefront/settings')).body;
    const res = await t.inject({
      method: 'PUT',
      url: '/api/admin/storefront/settings',
      headers: operator.headers,
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ details: { field: string }[] }>().details.map((d) => d.field)).toContain(field);
    expect((await get<StorefrontSettingsView>('/api/storefront/settings')).body).toEqual(before);
  });

  it('only an operator may change them', async () => {
    const member = await memberLogin(t, 'storefront-member');
    const res = await t.inject({
      method: 'PUT',
      url: '/api/admin/storefront/settings',
      headers: member.headers,
      payload: { hotKeywords: ['x'] },
    });
    expect(res.statusCode).toBe(403);
  });

  it('documents the admin route with a summary', async () => {
    const doc = (await t.inject({ method: 'GET', url: '/api/docs-json' })).json<{
      paths: Record<string, Record<string, { summary?: string }>>;
    }>();
    expect(doc.paths['/api/admin/storefront/settings']?.put?.summary).toMatch(/hot search keywords/);
  });
});

describe('GET /api/promotions', () => {
  it('publishes the 2件79折 zone and the member-day rule checkout applies', async () => {
    const { status, body } = await get<PromotionsView>('/api/promotions');
    expect(status).toBe(200);
    expect(body.itemPromotions).toEqual([
      expect.objectContaining({ kind: 'MULTI_BUY', tag: 'zone-2for79', groupSize: 2, payRateBp: 7900 }),
    ]);
    expect(body.memberDay).toMatchObject({ weekday: 3, thresholdFen: 6800 });
    expect(body.memberDay.tiers.map((x) => x.discountFen)).toEqual([600, 800, 1000]);
    expect(typeof body.memberDay.today).toBe('boolean');
  });
});

describe('storefront settings before the operator saves', () => {
  it('answers the defaults, and the first save creates the row', async () => {
    const bare = await createTestApp({ seedDemo: false });
    try {
      const before = await bare.inject({ method: 'GET', url: '/api/storefront/settings' });
      expect(before.json()).toEqual(DEFAULT_STOREFRONT_SETTINGS);
      await bare.app.get(StorefrontService).update({ hotKeywords: ['新品'] });
      const after = await bare.inject({ method: 'GET', url: '/api/storefront/settings' });
      expect(after.json()).toEqual({ ...DEFAULT_STOREFRONT_SETTINGS, hotKeywords: ['新品'] });
    } finally {
      await bare.close();
    }
  });
});
