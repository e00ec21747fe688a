import type { AddressView } from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, memberLogin, signedUpMember } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let alice: Actor;
let bob: Actor;
beforeAll(async () => {
  t = await createTestApp();
  alice = await signedUpMember(t, 'addr-alice', '13900000101');
  bob = await signedUpMember(t, 'addr-bob', '13900000102');
});
afterAll(() => t.close());

const HOME = {
  recipientName: '张三',
  phone: '13800138000',
  province: '上海市',
  city: '上海市',
  district: '静安区',
  detail: '南京西路1266号 8楼',
};

async function call<T>(who: Actor, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) {
  const res = await t.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
}
const list = async (who: Actor) => (await call<AddressView[]>(who, 'GET', '/api/addresses')).body;

describe('address book', () => {
  it('adds the first address as the default, with the region as one line', async () => {
    const { status, body } = await call<AddressView>(alice, 'POST', '/api/addresses', HOME);
    expect(status).toBe(201);
    expect(body).toMatchObject({ ...HOME, isDefault: true, region: '上海市 静安区' });
    expect(await list(alice)).toHaveLength(1);
  });

  it('sets another address as the default, leaving exactly one default, listed first', async () => {
    const office = (
      await call<AddressView>(alice, 'POST', '/api/addresses', {
        ...HOME,
        detail: '虹桥路1号 12楼',
        district: '徐汇区',
      })
    ).body;
    expect(office.isDefault).toBe(false);
    const { status, body } = await call<AddressView>(alice, 'POST', `/api/addresses/${office.id}/default`);
    expect(status).toBe(200);
    expect(body.isDefault).toBe(true);
    const rows = await list(alice);
    expect(rows.filter((a) => a.isDefault).map((a) => a.id)).toEqual([office.id]);
    expect(rows[0]?.id).toBe(office.id);
  });

  it('creating with isDefault moves the default; editing replaces the fields', async () => {
    const third = (
      await call<AddressView>(alice, 'POST', '/api/addresses', { ...HOME, detail: '第三个地址 1号', isDefault: true })
    ).body;
    expect(third.isDefault).toBe(true);
    expect((await list(alice)).filter((a) => a.isDefault)).toHaveLength(1);
    const edited = await call<AddressView>(alice, 'PUT', `/api/addresses/${third.id}`, {
      ...HOME,
      recipientName: '李四',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路 99 号',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ recipientName: '李四', region: '浙江省 杭州市 西湖区', isDefault: true });
    expect((await call<AddressView>(alice, 'GET', `/api/addresses/${third.id}`)).body.detail).toBe('文三路 99 号');
  });

  it('deleting the default passes the default to the newest remaining address', async () => {
    const before = await list(alice);
    const def = before.find((a) => a.isDefault)!;
    const del = await call(alice, 'DELETE', `/api/addresses/${def.id}`);
    expect(del.status).toBe(204);
    const after = await list(alice);
    expect(after).toHaveLength(before.length - 1);
    expect(after.filter((a) => a.isDefault)).toHaveLength(1);
    expect((await call(alice, 'GET', `/api/addresses/${def.id}`)).status).toBe(404);
  });

  it("another member's address is not found, and nothing of it changes", async () => {
    const target = (await list(alice))[0];
    for (const [method, url, payload] of [
      ['GET', `/api/addresses/${target.id}`, undefined],
      ['PUT', `/api/addresses/${target.id}`, { ...HOME, recipientName: '黑客' }],
      ['POST', `/api/addresses/${target.id}/default`, undefined],
      ['DELETE', `/api/addresses/${target.id}`, undefined],
    ] as const) {
      const res = await call<{ code: string }>(bob, method, url, payload);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body.code).toBe('ADDRESS_NOT_FOUND');
    }
    expect(await list(bob)).toEqual([]);
    const again = (await list(alice)).find((a) => a.id === target.id);
    expect(again).toEqual(target);
  });

  it.each([
    [{ phone: '00000000000' }, 'phone'],
    [{ phone: '12800138000' }, 'phone'],
    [{ phone: '1380013800' }, 'phone'],
    [{ province: '' }, 'province'],
    [{ city: '   ' }, 'city'],
    [{ district: undefined }, 'district'],
    [{ detail: '1' }, 'detail'],
    [{ detail: 'x'.repeat(121) }, 'detail'],
    [{ recipientName: '' }, 'recipientName'],
    [{ isDefault: 'yes' }, 'isDefault'],
    [{ memberId: 2 }, 'memberId'],
  ])('refuses %o with 400 naming %s, saving nothing', async (patch, field) => {
    const before = await list(bob);
    const res = await call<{ code: string; message: string; details: { field: string }[] }>(
      bob,
      'POST',
      '/api/addresses',
      { ...HOME, ...patch },
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d) => d.field)).toContain(field);
    expect(res.body.message).toContain(field);
    expect(await list(bob)).toEqual(before);
  });

  it('refuses a bad id and an anonymous caller', async () => {
    expect((await call(alice, 'GET', '/api/addresses/abc')).status).toBe(400);
    expect((await t.inject({ method: 'GET', url: '/api/addresses' })).statusCode).toBe(401);
  });

  it('keeps at most 20 addresses per member (ADDRESS_LIMIT_REACHED, nothing saved)', async () => {
    const carol = await memberLogin(t, 'addr-carol');
    const results = await Promise.all(
      Array.from({ length: 23 }, (_, i) =>
        call<{ code?: string }>(carol, 'POST', '/api/addresses', { ...HOME, detail: `并发地址 ${i} 号` }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(20);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, r.body.code])).toEqual(Array(3).fill([409, 'ADDRESS_LIMIT_REACHED']));
    const rows = await list(carol);
    expect(rows).toHaveLength(20);
    expect(rows.filter((a) => a.isDefault)).toHaveLength(1);
  });
});
