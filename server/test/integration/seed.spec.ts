import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Product } from '../../src/modules/catalog/product.entity';
import { Sku } from '../../src/modules/catalog/sku.entity';
import { DEMO_PASSWORD, DEMO_PRODUCTS } from '../../src/modules/seed/demo-catalog';
import { verifyPassword } from '../../src/modules/staff/password-hash';
import { StaffAccount } from '../../src/modules/staff/staff-account.entity';
import { Store } from '../../src/modules/stores/store.entity';
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
});
