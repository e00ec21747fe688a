import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView, MeResponse, Page, StaffLoginResponse } from '@tidepool/shared';
import { Transactions } from '../../src/common/database/transactions';
import { AuditLog } from '../../src/modules/audit';
import { staffLogin, type Actor } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let operator: Actor;
let manager: Actor;
let managerId = 0;

beforeAll(async () => {
  t = await createTestApp();
  operator = await staffLogin(t, 'operator');
  manager = await staffLogin(t, 'manager.sh001');
  const me = await t.inject({ method: 'GET', url: '/api/me', headers: manager.headers });
  managerId = me.json<MeResponse>().id;
});
afterAll(() => t.close());

const list = async (who: Actor, query = '') => {
  const res = await t.inject({ method: 'GET', url: `/api/admin/audit${query}`, headers: who.headers });
  expect(res.statusCode).toBe(200);
  return res.json<Page<AuditEntryView>>();
};

describe('the store manager role', () => {
  it('logs in bound to its store and is told so by /api/me', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/auth/staff-login',
      payload: { username: 'manager.sh001', password: 'tidepool123' },
    });
    const login = res.json<StaffLoginResponse>();
    expect(login).toMatchObject({ role: 'store_manager', storeId: 1, displayName: '南京西路店店长' });
    const me = await t.inject({ method: 'GET', url: '/api/me', headers: manager.headers });
    expect(me.json<MeResponse>()).toMatchObject({ role: 'store_manager', storeId: 1 });
  });

  it('may not use the till or the brand-wide admin routes', async () => {
    const till = await t.inject({ method: 'GET', url: '/api/store-mode/scans/1', headers: manager.headers });
    expect(till.statusCode).toBe(403);
    const catalogue = await t.inject({ method: 'GET', url: '/api/admin/catalog/products', headers: manager.headers });
    expect(catalogue.statusCode).toBe(403);
  });
});

describe('the audit trail', () => {
  it('records a write with who, what and the fields before and after, newest first', async () => {
    const audit = t.app.get(AuditLog);
    const transactions = t.app.get(Transactions);
    await transactions.run(() =>
      audit.record({
        actor: { id: managerId, role: 'store_manager', storeId: 1 },
        action: 'order.ship',
        objectType: 'order',
        objectId: 101,
        storeId: 1,
        before: { state: 'PAID' },
        after: { state: 'FULFILLED', trackingNo: 'SF1' },
      }),
    );
    await transactions.run(() =>
      audit.record({
        actor: { id: managerId, role: 'store_manager', storeId: 1 },
        action: 'order.cancel',
        objectType: 'order',
        objectId: 202,
        storeId: 2,
        before: { state: 'PENDING_PAYMENT' },
        after: { state: 'CANCELLED' },
      }),
    );
    const page = await list(operator, '?objectType=order&objectId=101');
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      actorId: managerId,
      actorRole: 'store_manager',
      actorName: '南京西路店店长',
      action: 'order.ship',
      objectType: 'order',
      objectId: '101',
      storeId: 1,
      before: { state: 'PAID' },
      after: { state: 'FULFILLED', trackingNo: 'SF1' },
    });
    const all = await list(operator, '?objectType=order');
    expect(all.items.map((e) => e.objectId)).toEqual(['202', '101']);
  });

  it('shows a store manager only the entries of their own store', async () => {
    const mine = await list(manager, '?objectType=order');
    expect(mine.items.map((e) => e.objectId)).toEqual(['101']);
    const other = await list(manager, '?objectType=order&objectId=202');
    expect(other.total).toBe(0);
  });

  it('keeps no entry for a write that rolled back', async () => {
    const audit = t.app.get(AuditLog);
    const transactions = t.app.get(Transactions);
    await expect(
      transactions.run(async () => {
        await audit.record({
          actor: { id: managerId, role: 'store_manager', storeId: 1 },
          action: 'order.ship',
          objectType: 'order',
          objectId: 303,
          storeId: 1,
        });
        throw new Error('the write failed after the entry');
      }),
    ).rejects.toThrow('the write failed');
    expect((await list(operator, '?objectType=order&objectId=303')).total).toBe(0);
  });

  it('filters by time and actor, and refuses filters it cannot read, naming the field', async () => {
    const future = await list(operator, `?from=${encodeURIComponent('2999-01-01T00:00:00Z')}`);
    expect(future.total).toBe(0);
    expect((await list(operator, `?actorId=${managerId}`)).total).toBe(2);
    const bad = await t.inject({ method: 'GET', url: '/api/admin/audit?objectType=rocket', headers: operator.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ details: { field: string }[] }>().details[0]?.field).toBe('objectType');
  });

  it('is not for cashiers or members', async () => {
    const cashier = await staffLogin(t, 'cashier.sh001');
    const res = await t.inject({ method: 'GET', url: '/api/admin/audit', headers: cashier.headers });
    expect(res.statusCode).toBe(403);
  });
});
