import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Product } from '../../src/modules/catalog/product.entity';
import { Sku } from '../../src/modules/catalog/sku.entity';
import { DEMO_PASSWORD, DEMO_PRODUCTS } from '../../src/modules/seed/demo-catalog';
import { verifyPassword } from '../../src/modules/staff/password-hash';
import { StaffAccount } from '../../src/modules/staff/staff-account.entity';
import { Store } from '../../src/modules/stores/store.entity';
import { setUpBrand, type BrandSetupPlan } from '../../src/setup/setup-brand';
import { Brand } from '../../src/modules/stores/brand.entity';
import { createTestApp, createTestDatabase } from '../support/test-app';

describe('demo seed', () => {
  it('loads one brand, two Shanghai stores, the products and hashed staff accounts, once', async () => {
    const db = await createTestDatabase();
    try {
      const first = await createTestApp({}, db);
      const ds = first.app.get<DataSource>(getDataSourceToken());
      const stores = await ds.getRepository(Store).find({ order: { code: 'ASC' } });
      expect(stores.map((s) => [s.code, s.timeZone])).toEqual([
        ['SH001', 'Asia/Shanghai'],
        ['SH002', 'Asia/Shanghai'],
      ]);
      const staff = await ds.getRepository(StaffAccount).find({ order: { username: 'ASC' } });
      expect(staff.map((s) => [s.username, s.role, s.storeId])).toEqual([
        ['cashier.sh001', 'cashier', stores[0]?.id],
        ['cashier.sh002', 'cashier', stores[1]?.id],
        ['manager.sh001', 'store_manager', stores[0]?.id],
        ['operator', 'operator', null],
      ]);
      expect(staff[0]?.passwordHash).not.toContain(DEMO_PASSWORD);
      expect(await verifyPassword(DEMO_PASSWORD, staff[0]?.passwordHash ?? '')).toBe(true);
      expect(await ds.getRepository(Product).count()).toBe(DEMO_PRODUCTS.length);
      await first.app.close();

      // A second start on the same database must not seed again.
      const second = await createTestApp({}, db);
      const ds2 = second.app.get<DataSource>(getDataSourceToken());
      expect(await ds2.getRepository(Product).count()).toBe(DEMO_PRODUCTS.length);
      expect(await ds2.getRepository(Sku).count()).toBe(DEMO_PRODUCTS.reduce((n, p) => n + p.skus.length, 0));
      await second.app.close();
    } finally {
      await db.drop();
    }
  });

  it('stays empty with SEED_DEMO=false', async () => {
    const t = await createTestApp({ seedDemo: false });
    try {
      const res = await t.inject({ method: 'GET', url: '/api/catalog/products' });
      expect(res.json()).toMatchObject({ items: [], total: 0, hasMore: false });
    } finally {
      await t.close();
    }
  });

  it('setup:brand creates a brand, its stores and a first operator who can log in, and a re-run changes nothing', async () => {
    const t = await createTestApp({ seedDemo: false });
    try {
      const ds = t.app.get<DataSource>(getDataSourceToken());
      const plan: BrandSetupPlan = {
        brand: { code: 'acme', name: '阿克米' },
        stores: [
          { code: 'BJ001', name: '北京国贸店', address: '北京市朝阳区建国门外大街1号', timeZone: 'Asia/Shanghai' },
          { code: 'HK001', name: '香港铜锣湾店', address: '', timeZone: 'Asia/Hong_Kong' },
        ],
        operator: { username: 'ops.lead', password: 'a-long-password', displayName: '运营负责人' },
      };
      expect(await setUpBrand(ds, plan)).toEqual({
        brandCreated: true,
        storesCreated: ['BJ001', 'HK001'],
        storesUpdated: [],
        operatorCreated: true,
      });
      const login = await t.inject({
        method: 'POST',
        url: '/api/auth/staff-login',
        payload: { username: 'ops.lead', password: 'a-long-password' },
      });
      expect(login.statusCode).toBe(200);

      // Re-run with a renamed store and another password: the store follows, the password does not.
      const again = await setUpBrand(ds, {
        ...plan,
        stores: [plan.stores[0], { ...plan.stores[1], name: '香港铜锣湾旗舰店' }],
        operator: { ...plan.operator, password: 'another-long-password' },
      });
      expect(again).toEqual({
        brandCreated: false,
        storesCreated: [],
        storesUpdated: ['HK001'],
        operatorCreated: false,
      });
      expect(await ds.getRepository(Brand).count()).toBe(1);
      expect(await ds.getRepository(Store).count()).toBe(2);
      const staff = await ds.getRepository(StaffAccount).findOneByOrFail({ username: 'ops.lead' });
      expect(await verifyPassword('a-long-password', staff.passwordHash)).toBe(true);

      await expect(setUpBrand(ds, { ...plan, brand: { code: 'other', name: '另一个' } })).rejects.toThrow(
        /already holds the brand "acme"/,
      );
      await expect(
        setUpBrand(ds, {
          ...plan,
          stores: [{ ...plan.stores[0], timeZone: 'Mars/Olympus' }],
          operator: { ...plan.operator, password: 'short' },
        }),
      ).rejects.toThrow(/not an IANA time zone[\s\S]*at least 10 characters/);
    } finally {
      await t.close();
    }
  });
});
