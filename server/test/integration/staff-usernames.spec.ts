import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/modules/staff/password-hash';
import { StaffAccount } from '../../src/modules/staff/staff-account.entity';
import { setUpBrand } from '../../src/setup/setup-brand';
import { createTestApp, type TestApp } from '../support/test-app';

// Staff usernames are stored and looked up trimmed and in lower case, and a row must match that exactly: MySQL's
// case-insensitive, trailing-space-blind collation must not find what SQLite would not.

let t: TestApp;
let ds: DataSource;
beforeAll(async () => {
  t = await createTestApp({ seedDemo: false });
  ds = t.app.get<DataSource>(getDataSourceToken());
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.inject({ method: 'POST', url: '/api/auth/staff-login', payload: { username, password } });

describe('staff usernames', () => {
  it('setup:brand stores the operator name trimmed and in lower case, and any spelling of it logs in', async () => {
    const result = await setUpBrand(ds, {
      brand: { code: 'acme', name: '阿克米' },
      stores: [{ code: 'BJ001', name: '北京国贸店', address: '', timeZone: 'Asia/Shanghai' }],
      operator: { username: '  Ops.Lead ', password: 'a-long-password', displayName: '运营负责人' },
    });
    expect(result.operatorCreated).toBe(true);
    expect((await ds.getRepository(StaffAccount).find()).map((a) => a.username)).toEqual(['ops.lead']);
    for (const spelling of ['ops.lead', 'OPS.LEAD ', ' Ops.Lead']) {
      expect((await login(spelling, 'a-long-password')).statusCode).toBe(200);
    }
    // A re-run with another spelling finds the same operator instead of adding one.
    const again = await setUpBrand(ds, {
      brand: { code: 'acme', name: '阿克米' },
      stores: [{ code: 'BJ001', name: '北京国贸店', address: '', timeZone: 'Asia/Shanghai' }],
      operator: { username: 'OPS.LEAD', password: 'another-long-password', displayName: '运营负责人' },
    });
    expect(again.operatorCreated).toBe(false);
    expect(await ds.getRepository(StaffAccount).count()).toBe(1);
  });

  it('does not log in to a row whose name only matches under a case- or space-blind collation', async () => {
    const accounts = ds.getRepository(StaffAccount);
    const passwordHash = await hashPassword('a-long-password');
    for (const username of ['Legacy.Case', 'legacy.pad  ']) {
      await accounts.insert({ username, passwordHash, role: 'operator', storeId: null, displayName: '旧账号' });
    }
    for (const spelling of ['legacy.case', 'Legacy.Case', 'legacy.pad', 'legacy.pad  ']) {
      const res = await login(spelling, 'a-long-password');
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'STAFF_LOGIN_FAILED' });
    }
  });
});
