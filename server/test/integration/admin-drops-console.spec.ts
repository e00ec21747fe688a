import type { AuditEntryView, DropAdminView, DropSkuOption, OrderView, Page } from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { type Actor, signedUpMember, staffLogin } from '../support/actors';
import { dropSku, scheduleDrop } from '../support/drops';
import { bootShop } from '../support/shop';
import type { TestApp } from '../support/test-app';
import { simulatorOf } from '../support/wechatpay';

/**
 * The operator console's 团购 routes: scheduling one-off and weekly drops, the fields a refusal names, the live
 * figures the detail page polls, the state filter, cancelling and its audit trail, and who may call them.
 */

/** Tuesday 2026-12-01 10:00 in Shanghai. */
const TUESDAY_10 = new Date('2026-12-01T02:00:00Z');
const clock = new TestClock(TUESDAY_10);
let t: TestApp;
let operator: Actor;
let manager: Actor;
let serial = 0;

beforeAll(async () => {
  ({ t, operator } = await bootShop(clock));
  manager = await staffLogin(t, 'manager.sh001');
});
afterAll(() => t.close());

const admin = (method: 'GET' | 'POST', url: string, payload?: object, who: Actor = operator) =>
  t.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload }) });

const auditOf = async (dropId: number) =>
  (await admin('GET', `/api/admin/audit?objectType=drop&objectId=${dropId}`)).json<Page<AuditEntryView>>().items;

const getDrop = async (id: number) => (await admin('GET', `/api/admin/drops/${id}`)).json<DropAdminView>();

async function oneOff(opensAt: string, closesAt: string, cap = 10, perMemberLimit = 2) {
  const sku = await dropSku(t, 5000);
  return scheduleDrop(t, operator, {
    title: `控制台团购 ${++serial}`,
    recurrence: 'ONCE',
    opensAt,
    closesAt,
    earlyAccess: {},
    items: [{ skuId: sku.id, dropPriceFen: 3900, cap, perMemberLimit }],
  });
}

describe('scheduling', () => {
  it('schedules a one-off drop with tier early access, and records who did it', async () => {
    const sku = await dropSku(t, 5000);
    const drop = await scheduleDrop(t, operator, {
      title: '周三快闪',
      recurrence: 'ONCE',
      opensAt: '2026-12-02T12:00:00+08:00',
      closesAt: '2026-12-02T14:00:00+08:00',
      earlyAccess: { SILVER: 15, GOLD: 15 },
      items: [{ skuId: sku.id, dropPriceFen: 3900, cap: 50, perMemberLimit: 2 }],
    });
    expect(drop).toMatchObject({
      recurrence: 'ONCE',
      state: 'UPCOMING',
      opensAt: '2026-12-02T04:00:00.000Z',
      firstOpensAt: '2026-12-02T03:45:00.000Z',
      weekly: null,
      nextOpenings: [],
      earlyAccess: { SILVER: 15, GOLD: 15 },
    });
    expect(drop.items[0]).toMatchObject({ cap: 50, sold: 0, reserved: 0, left: 50, dropPriceFen: 3900 });
    const [entry] = await auditOf(drop.id);
    expect(entry).toMatchObject({ action: 'drop.create', objectType: 'drop', actorRole: 'operator' });
    expect(entry.after).toMatchObject({ title: '周三快闪', opensAt: '2026-12-02T04:00:00.000Z' });
  });

  it('schedules a weekly drop from a weekday, time and duration in the brand zone, with its next openings', async () => {
    const sku = await dropSku(t, 5000);
    const drop = await scheduleDrop(t, operator, {
      title: '每周五午间团',
      recurrence: 'WEEKLY',
      weekly: { weekday: 5, startMinute: 12 * 60, durationMinutes: 120 },
      earlyAccess: { GOLD: 30 },
      items: [{ skuId: sku.id, dropPriceFen: 3900, cap: 200, perMemberLimit: 2 }],
    });
    expect(drop).toMatchObject({
      recurrence: 'WEEKLY',
      opensAt: '2026-12-04T04:00:00.000Z', // Friday 12:00 +08:00
      closesAt: '2026-12-04T06:00:00.000Z', // 14:00
      weekly: { weekday: 5, startMinute: 720, durationMinutes: 120, timeZone: 'Asia/Shanghai' },
    });
    expect(drop.nextOpenings.slice(0, 2)).toEqual(['2026-12-11T04:00:00.000Z', '2026-12-18T04:00:00.000Z']);
  });

  it('starts a weekly drop next week when this week’s priority purchase has already begun', async () => {
    clock.set(new Date('2026-12-04T03:40:00Z')); // Friday 11:40: gold has been buying since 11:30
    const sku = await dropSku(t, 5000);
    const drop = await scheduleDrop(t, operator, {
      title: '错过本周',
      recurrence: 'WEEKLY',
      weekly: { weekday: 5, startMinute: 12 * 60, durationMinutes: 120 },
      earlyAccess: { GOLD: 30 },
      items: [{ skuId: sku.id, dropPriceFen: 3900, cap: 20, perMemberLimit: 1 }],
    });
    expect(drop.opensAt).toBe('2026-12-11T04:00:00.000Z');
    clock.set(TUESDAY_10);
  });

  it('refuses bad input with 400 naming the field, and schedules nothing', async () => {
    const sku = await dropSku(t, 5000);
    const good = { skuId: sku.id, dropPriceFen: 3900, cap: 10, perMemberLimit: 2 };
    const once = { recurrence: 'ONCE', opensAt: '2026-12-02T12:00:00+08:00', closesAt: '2026-12-02T14:00:00+08:00' };
    const before = (await admin('GET', '/api/admin/drops?pageSize=1')).json<Page<DropAdminView>>().total;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...once, items: [{ ...good, dropPriceFen: 5000 }] }, 'items[0].dropPriceFen'], // equal to the SKU price
      [{ ...once, items: [{ ...good, dropPriceFen: 0 }] }, 'dropPriceFen'],
      [{ ...once, items: [{ ...good, cap: 0 }] }, 'cap'],
      [{ ...once, items: [{ ...good, perMemberLimit: 11 }] }, 'items[0].perMemberLimit'],
      [{ ...once, closesAt: '2026-12-02T11:00:00+08:00', items: [good] }, 'closesAt'],
      [{ ...once, opensAt: '2026-12-01T09:00:00+08:00', items: [good] }, 'opensAt'], // an hour ago
      [{ recurrence: 'ONCE', closesAt: once.closesAt, items: [good] }, 'opensAt'],
      [
        { recurrence: 'WEEKLY', weekly: { weekday: 7, startMinute: 720, durationMinutes: 60 }, items: [good] },
        'weekday',
      ],
      [
        { recurrence: 'WEEKLY', weekly: { weekday: 5, startMinute: 720, durationMinutes: 0 }, items: [good] },
        'durationMinutes',
      ],
      [{ ...once, earlyAccess: { GOLD: -5 }, items: [good] }, 'earlyAccess'],
    ];
    for (const [body, field] of cases) {
      const res = await admin('POST', '/api/admin/drops', { title: '坏数据', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.json().details), JSON.stringify(body)).toContain(field);
    }
    expect((await admin('GET', '/api/admin/drops?pageSize=1')).json<Page<DropAdminView>>().total).toBe(before);
  });

  it('finds SKUs for the form through the catalogue search', async () => {
    const res = await admin('GET', `/api/admin/drops/sku-options?keyword=product`);
    expect(res.statusCode).toBe(200);
    const options = res.json<DropSkuOption[]>();
    expect(options.length).toBeGreaterThan(0);
    expect(options[0]).toMatchObject({
      skuId: expect.any(Number),
      productName: expect.any(String),
      priceFen: expect.any(Number),
    });
    const none = await admin('GET', '/api/admin/drops/sku-options?keyword=zzzz-no-such-thing');
    expect(none.json()).toEqual([]);
  });
});

describe('live figures', () => {
  it('moves sold / reserved / left as members reserve and pay over HTTP', async () => {
    const drop = await oneOff('2026-12-01T11:00:00+08:00', '2026-12-01T13:00:00+08:00', 5, 2);
    const item = drop.items[0];
    clock.set(new Date('2026-12-01T03:00:00Z')); // 11:00 sharp
    expect((await getDrop(drop.id)).state).toBe('OPEN');
    const member = await signedUpMember(t, `console-drop-${++serial}`, `1360000${String(serial).padStart(4, '0')}`);
    const placed = await t.inject({
      method: 'POST',
      url: `/api/drops/${drop.id}/orders`,
      headers: member.headers,
      payload: {
        dropItemId: item.id,
        quantity: 2,
        clientOrderId: `console-${serial}-a`,
        fulfilment: 'PICKUP',
        pickupStoreId: 1,
      },
    });
    expect(placed.statusCode).toBe(201);
    expect((await getDrop(drop.id)).items[0]).toMatchObject({ sold: 0, reserved: 2, left: 3 });

    const pay = await t.inject({
      method: 'POST',
      url: `/api/orders/${placed.json<OrderView>().id}/pay`,
      headers: member.headers,
    });
    await simulatorOf(t).pay(
      pay.json<{ paymentParams: { package: string } }>().paymentParams.package.replace('prepay_id=', ''),
    );
    const after = (await getDrop(drop.id)).items[0];
    expect(after).toMatchObject({ sold: 2, reserved: 0, left: 3 });
    expect(after.sold + after.reserved + after.left).toBe(after.cap);
    clock.set(TUESDAY_10);
  });
});

describe('listing', () => {
  it('filters by state and opening date in SQL, with pagination', async () => {
    clock.set(new Date('2026-12-07T02:00:00Z')); // Monday 10:00
    const upcoming = await oneOff('2026-12-08T12:00:00+08:00', '2026-12-08T14:00:00+08:00');
    const open = await oneOff('2026-12-07T10:30:00+08:00', '2026-12-07T12:00:00+08:00');
    const cancelled = await oneOff('2026-12-09T12:00:00+08:00', '2026-12-09T14:00:00+08:00');
    await admin('POST', `/api/admin/drops/${cancelled.id}/cancel`);
    clock.set(new Date('2026-12-07T02:45:00Z')); // 10:45: `open` is open
    const ids = async (query: string) =>
      (await admin('GET', `/api/admin/drops?pageSize=50&${query}`)).json<Page<DropAdminView>>().items.map((d) => d.id);
    const from = '2026-12-06T16:00:00.000Z'; // Monday 00:00 +08:00
    const to = '2026-12-09T16:00:00.000Z'; // Thursday 00:00
    const range = `from=${from}&to=${to}`;
    expect(await ids(`state=UPCOMING&${range}`)).toEqual([upcoming.id]);
    expect(await ids(`state=OPEN&${range}`)).toEqual([open.id]);
    expect(await ids(`state=CANCELLED&${range}`)).toEqual([cancelled.id]);
    expect(await ids(range)).toEqual([cancelled.id, upcoming.id, open.id]); // latest opening first
    const page = (await admin('GET', `/api/admin/drops?pageSize=2&page=2&${range}`)).json<Page<DropAdminView>>();
    expect(page).toMatchObject({ total: 3, page: 2, hasMore: false });
    expect(page.items.map((d) => d.id)).toEqual([open.id]);
    clock.set(new Date('2026-12-07T04:00:00Z')); // 12:00: `open` has closed
    expect(await ids(`state=ENDED&${range}`)).toEqual([open.id]);
    expect((await admin('GET', '/api/admin/drops?state=SOMETIME')).statusCode).toBe(400);
    clock.set(TUESDAY_10);
  });
});

describe('cancelling', () => {
  it('cancels before opening (audited), and refuses with 409 once anyone may buy', async () => {
    const drop = await oneOff('2026-12-02T12:00:00+08:00', '2026-12-02T14:00:00+08:00');
    const res = await admin('POST', `/api/admin/drops/${drop.id}/cancel`);
    expect(res.statusCode).toBe(200);
    expect(res.json<DropAdminView>()).toMatchObject({ status: 'CANCELLED', state: 'CANCELLED' });
    const again = await admin('POST', `/api/admin/drops/${drop.id}/cancel`);
    expect(again.statusCode).toBe(200);
    const entries = await auditOf(drop.id);
    expect(entries.map((e) => e.action)).toEqual(['drop.cancel', 'drop.create']); // the repeat is not recorded
    expect(entries[0]).toMatchObject({ before: { status: 'SCHEDULED' }, after: { status: 'CANCELLED' } });

    const started = await oneOff('2026-12-01T10:30:00+08:00', '2026-12-01T12:00:00+08:00');
    clock.set(new Date('2026-12-01T02:30:00Z')); // 10:30: open
    const late = await admin('POST', `/api/admin/drops/${started.id}/cancel`);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'DROP_NOT_CANCELLABLE', message: expect.stringContaining('不能取消') });
    expect((await getDrop(started.id)).status).toBe('SCHEDULED');
    expect((await auditOf(started.id)).map((e) => e.action)).toEqual(['drop.create']);
    clock.set(TUESDAY_10);
  });
});

describe('access', () => {
  it('refuses a store manager every drop route with 403', async () => {
    const drop = await oneOff('2026-12-02T12:00:00+08:00', '2026-12-02T14:00:00+08:00');
    const calls: Array<['GET' | 'POST', string, object?]> = [
      ['GET', '/api/admin/drops'],
      ['GET', `/api/admin/drops/${drop.id}`],
      ['GET', '/api/admin/drops/sku-options?keyword=a'],
      ['POST', `/api/admin/drops/${drop.id}/cancel`],
      ['POST', '/api/admin/drops', { title: 'x', recurrence: 'WEEKLY', items: [] }],
    ];
    for (const [method, url, payload] of calls) {
      const res = await admin(method, url, payload, manager);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await getDrop(drop.id)).status).toBe('SCHEDULED');
  });
});
