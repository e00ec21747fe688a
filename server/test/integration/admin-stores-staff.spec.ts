import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AdminStaffView,
  AdminStoreSignupCodeView,
  AdminStoreView,
  AuditEntryView,
  Page,
  StaffWechatInviteResponse,
} from '@tidepool/shared';
import { unique } from '../factories';
import { staffLogin, type Actor } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let operator: Actor;
let manager: Actor;

beforeAll(async () => {
  t = await createTestApp();
  operator = await staffLogin(t, 'operator');
  manager = await staffLogin(t, 'manager.sh001');
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT';
const call = (method: Method, url: string, who: Actor | null, payload?: unknown) =>
  t.inject({
    method,
    url,
    headers: who?.headers ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const storeBody = (over: Record<string, unknown> = {}) => ({
  code: unique('ST').slice(0, 20),
  name: '徐家汇店',
  address: '上海市徐汇区虹桥路 1 号',
  timeZone: 'Asia/Shanghai',
  latitude: 31.195,
  longitude: 121.437,
  opensAt: '10:00',
  closesAt: '22:00',
  pickupEnabled: true,
  ...over,
});

const audit = async (objectType: string, objectId: number) => {
  const res = await call('GET', `/api/admin/audit?objectType=${objectType}&objectId=${objectId}`, operator);
  expect(res.statusCode).toBe(200);
  return res.json<Page<AuditEntryView>>().items;
};

async function newStore(over: Record<string, unknown> = {}): Promise<AdminStoreView> {
  const res = await call('POST', '/api/admin/stores', operator, storeBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AdminStoreView>();
}

async function newStaff(who: Actor, storeId: number, over: Record<string, unknown> = {}) {
  return call('POST', '/api/admin/staff', who, {
    username: unique('cashier').slice(0, 40),
    password: 'secret-pass-1',
    role: 'cashier',
    storeId,
    displayName: '新收银员',
    ...over,
  });
}

const login = (username: string, password: string) =>
  t.inject({ method: 'POST', url: '/api/auth/staff-login', payload: { username, password } });

describe('stores', () => {
  it('an operator opens a store with every field, and it is audited', async () => {
    const store = await newStore({ name: '  徐家汇店  ' });
    expect(store).toMatchObject({
      name: '徐家汇店',
      timeZone: 'Asia/Shanghai',
      latitude: 31.195,
      longitude: 121.437,
      opensAt: '10:00',
      closesAt: '22:00',
      pickupEnabled: true,
      staffCount: 0,
    });
    const got = await call('GET', `/api/admin/stores/${store.id}`, operator);
    expect(got.json<AdminStoreView>()).toEqual(store);
    const entries = await audit('store', store.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'store.create', actorRole: 'operator', storeId: store.id });
    expect(entries[0].after).toMatchObject({ name: '徐家汇店', opensAt: '10:00' });
  });

  it('edits a store and records before and after', async () => {
    const store = await newStore();
    const res = await call('PUT', `/api/admin/stores/${store.id}`, operator, {
      ...storeBody({ code: store.code }),
      name: '徐家汇旗舰店',
      pickupEnabled: false,
      latitude: null,
      longitude: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AdminStoreView>()).toMatchObject({ name: '徐家汇旗舰店', pickupEnabled: false, latitude: null });
    const [entry] = await audit('store', store.id);
    expect(entry).toMatchObject({ action: 'store.update' });
    expect(entry.before).toMatchObject({ name: '徐家汇店', pickupEnabled: true, latitude: 31.195 });
    expect(entry.after).toMatchObject({ name: '徐家汇旗舰店', pickupEnabled: false, latitude: null });
  });

  it.each([
    ['timeZone', { timeZone: 'Mars/Olympus' }],
    ['timeZone', { timeZone: '+08:00' }],
    ['latitude', { latitude: 91 }],
    ['longitude', { longitude: -180.5 }],
    ['opensAt', { opensAt: '24:00' }],
    ['closesAt', { closesAt: '9:00' }],
    ['code', { code: 'has space' }],
    ['name', { name: '   ' }],
  ])('refuses a bad %s with a 400 naming the field', async (field, over) => {
    const res = await call('POST', '/api/admin/stores', operator, storeBody(over));
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; details: { field: string }[] }>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.map((d) => d.field)).toContain(field);
  });

  it('a taken code is a 409 naming it', async () => {
    const store = await newStore();
    const res = await call('POST', '/api/admin/stores', operator, storeBody({ code: store.code }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'STORE_CODE_TAKEN', message: expect.stringContaining(store.code) });
  });

  it('the signup code: a JSON description and a print-size PNG', async () => {
    const store = await newStore();
    const info = await call('GET', `/api/admin/stores/${store.id}/signup-code`, operator);
    expect(info.json<AdminStoreSignupCodeView>()).toMatchObject({
      storeId: store.id,
      storeName: store.name,
      page: expect.stringContaining('packages/member/pages/signup/index?scene='),
      imagePath: `/api/admin/stores/${store.id}/signup-code.png`,
    });
    const png = await call('GET', `/api/admin/stores/${store.id}/signup-code.png`, operator);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.rawPayload.readUInt32BE(16)).toBeGreaterThanOrEqual(1000); // IHDR width: print size
    // The same code as the till's: a printed poster and the till never disagree.
    const token = info.json<AdminStoreSignupCodeView>().token;
    const publicInfo = await call('GET', `/api/signup-codes/${token}`, null);
    expect(publicInfo.json()).toMatchObject({ storeName: store.name });
  });
});

describe('staff accounts', () => {
  it('creates a cashier (username normalised) who can log in, and audits it without secrets', async () => {
    const store = await newStore();
    const username = unique('Cashier.X').slice(0, 40);
    const res = await newStaff(operator, store.id, { username: `  ${username} ` });
    expect(res.statusCode, res.body).toBe(201);
    const staff = res.json<AdminStaffView>();
    expect(staff).toMatchObject({
      username: username.toLowerCase(),
      role: 'cashier',
      storeId: store.id,
      storeName: store.name,
      wechatBound: false,
      disabledAt: null,
    });
    expect(JSON.stringify(staff)).not.toMatch(/hash|password/i);
    expect((await login(username.toUpperCase(), 'secret-pass-1')).statusCode).toBe(200);
    const [entry] = await audit('staff', staff.id);
    expect(entry).toMatchObject({ action: 'staff.create', storeId: store.id });
    expect(JSON.stringify(entry)).not.toMatch(/scrypt|secret-pass/);
    const list = await call('GET', `/api/admin/staff?storeId=${store.id}`, operator);
    expect(list.json<Page<AdminStaffView>>().items.map((s) => s.id)).toEqual([staff.id]);
    expect((await call('GET', `/api/admin/stores/${store.id}`, operator)).json()).toMatchObject({ staffCount: 1 });
  });

  it('a taken username is a 409 naming it, whatever its case', async () => {
    const res = await newStaff(operator, 1, { username: 'Cashier.SH001' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'STAFF_USERNAME_TAKEN',
      message: expect.stringContaining('cashier.sh001'),
    });
  });

  it('refuses a short password and an operator role with 400s naming the field', async () => {
    const short = await newStaff(operator, 1, { password: 'short' });
    expect(short.json<{ details: { field: string }[] }>().details.map((d) => d.field)).toContain('password');
    const role = await newStaff(operator, 1, { role: 'operator' });
    expect(role.json<{ details: { field: string }[] }>().details.map((d) => d.field)).toContain('role');
  });

  it('reset password: answers nothing secret, the old password stops working, audited', async () => {
    const store = await newStore();
    const staff = (await newStaff(operator, store.id)).json<AdminStaffView>();
    const res = await call('PUT', `/api/admin/staff/${staff.id}/password`, operator, { password: 'another-pass-2' });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await login(staff.username, 'secret-pass-1')).statusCode).toBe(401);
    expect((await login(staff.username, 'another-pass-2')).statusCode).toBe(200);
    const [entry] = await audit('staff', staff.id);
    expect(entry).toMatchObject({ action: 'staff.reset_password', after: { passwordReset: true } });
  });

  it('disable: login refused, the old token is 401 at /api/me and elsewhere; enable restores it', async () => {
    const store = await newStore();
    const staff = (await newStaff(operator, store.id)).json<AdminStaffView>();
    const session = await login(staff.username, 'secret-pass-1');
    const token = { headers: { authorization: `Bearer ${session.json<{ accessToken: string }>().accessToken}` } };
    const me = () => t.inject({ method: 'GET', url: '/api/me', ...token });
    expect((await me()).statusCode).toBe(200);

    const disabled = await call('POST', `/api/admin/staff/${staff.id}/disable`, operator);
    expect(disabled.json<AdminStaffView>().disabledAt).not.toBeNull();
    const refused = await login(staff.username, 'secret-pass-1');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'STAFF_DISABLED' });
    // A wrong password still gets the plain refusal: being disabled is told only to who knows the password.
    expect((await login(staff.username, 'wrong-password')).json()).toMatchObject({ code: 'STAFF_LOGIN_FAILED' });
    expect((await me()).statusCode).toBe(401);
    const till = await t.inject({ method: 'GET', url: `/api/stores/${store.id}/signup-code`, ...token });
    expect(till.statusCode).toBe(401);

    const enabled = await call('POST', `/api/admin/staff/${staff.id}/enable`, operator);
    expect(enabled.json<AdminStaffView>().disabledAt).toBeNull();
    expect((await login(staff.username, 'secret-pass-1')).statusCode).toBe(200);
    expect((await me()).statusCode).toBe(200);
    const actions = (await audit('staff', staff.id)).map((e) => e.action);
    expect(actions).toEqual(['staff.enable', 'staff.disable', 'staff.create']);
  });

  it('the WeChat-binding invite shows its expiry on the account', async () => {
    const store = await newStore();
    const staff = (await newStaff(operator, store.id)).json<AdminStaffView>();
    const res = await call('POST', `/api/admin/staff/${staff.id}/wechat-invite`, operator);
    const invite = res.json<StaffWechatInviteResponse>();
    expect(invite.inviteCode).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const got = (await call('GET', `/api/admin/staff/${staff.id}`, operator)).json<AdminStaffView>();
    expect(got.inviteExpiresAt).toBe(invite.expiresAt);
    const [entry] = await audit('staff', staff.id);
    expect(entry).toMatchObject({ action: 'staff.wechat_invite' });
    expect(JSON.stringify(entry)).not.toContain(invite.inviteCode);
  });
});

describe('a store manager (manager.sh001, store 1)', () => {
  let otherStore: AdminStoreView;
  let otherCashier: AdminStaffView;

  beforeAll(async () => {
    otherStore = await newStore();
    otherCashier = (await newStaff(operator, otherStore.id)).json<AdminStaffView>();
  });

  it('sees only store 1 and its staff', async () => {
    const stores = (await call('GET', '/api/admin/stores', manager)).json<Page<AdminStoreView>>();
    expect(stores.items.map((s) => s.id)).toEqual([1]);
    const staff = (await call('GET', '/api/admin/staff?pageSize=50', manager)).json<Page<AdminStaffView>>();
    expect(staff.items.length).toBeGreaterThan(0);
    expect(new Set(staff.items.map((s) => s.storeId))).toEqual(new Set([1]));
    const filtered = await call('GET', `/api/admin/staff?storeId=${otherStore.id}`, manager);
    expect(filtered.json<Page<AdminStaffView>>().total).toBe(0);
  });

  it('gets 404 for another store and its staff on every route', async () => {
    const sid = otherStore.id;
    const cid = otherCashier.id;
    const attempts: [Method, string, unknown?][] = [
      ['GET', `/api/admin/stores/${sid}`],
      ['PUT', `/api/admin/stores/${sid}`, storeBody({ code: otherStore.code })],
      ['GET', `/api/admin/stores/${sid}/signup-code`],
      ['GET', `/api/admin/stores/${sid}/signup-code.png`],
      ['GET', `/api/admin/staff/${cid}`],
      ['PUT', `/api/admin/staff/${cid}/password`, { password: 'hijacked-pass' }],
      ['POST', `/api/admin/staff/${cid}/disable`],
      ['POST', `/api/admin/staff/${cid}/enable`],
      ['POST', `/api/admin/staff/${cid}/wechat-invite`],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await call(method, url, manager, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const create = await newStaff(manager, sid);
    expect(create.statusCode).toBe(404);
    // Nothing changed: the cashier still logs in with the old password, and nothing was audited.
    expect((await login(otherCashier.username, 'secret-pass-1')).statusCode).toBe(200);
    expect((await audit('staff', cid)).map((e) => e.action)).toEqual(['staff.create']);
  });

  it('edits their own store, may not open one', async () => {
    const {
      id: _id,
      staffCount: _n,
      createdAt: _at,
      ...own
    } = (await call('GET', '/api/admin/stores/1', manager)).json<AdminStoreView>();
    const res = await call('PUT', '/api/admin/stores/1', manager, { ...own, opensAt: '09:30' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AdminStoreView>().opensAt).toBe('09:30');
    expect((await call('POST', '/api/admin/stores', manager, storeBody())).statusCode).toBe(403);
    const [entry] = await audit('store', 1);
    expect(entry).toMatchObject({ action: 'store.update', actorRole: 'store_manager' });
  });

  it('creates cashiers of store 1 only, never managers; touches cashiers only', async () => {
    const cashier = await newStaff(manager, 1);
    expect(cashier.statusCode, cashier.body).toBe(201);
    const id = cashier.json<AdminStaffView>().id;
    expect((await call('POST', `/api/admin/staff/${id}/disable`, manager)).statusCode).toBe(200);
    expect((await newStaff(manager, 1, { role: 'store_manager' })).statusCode).toBe(403);
    const staff = (await call('GET', '/api/admin/staff?role=store_manager', manager)).json<Page<AdminStaffView>>();
    const self = staff.items.find((s) => s.username === 'manager.sh001');
    expect(self).toBeDefined();
    expect(
      (await call('PUT', `/api/admin/staff/${self!.id}/password`, manager, { password: 'x'.repeat(8) })).statusCode,
    ).toBe(403);
  });
});
