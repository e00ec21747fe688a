import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/modules/staff/password-hash';
import { StaffAccount } from '../../src/modules/staff/staff-account.entity';
import { Brand } from '../../src/modules/stores/brand.entity';
import { Store } from '../../src/modules/stores/store.entity';
import { type Actor, staffLogin } from '../support/actors';
import type { TestApp } from '../support/test-app';
import { unique } from './unique';

/** A store of its own under the brand, in the brand's zone unless told otherwise. */
export async function createStore(t: TestApp, timeZone?: string): Promise<Store> {
  const ds = t.app.get<DataSource>(getDataSourceToken());
  const [brand] = await ds.getRepository(Brand).find({ order: { id: 'ASC' }, take: 1 });
  const code = unique('S').slice(0, 32);
  return ds.getRepository(Store).save({
    brandId: brand.id,
    code,
    name: `测试门店 ${code}`,
    address: '',
    timeZone: timeZone ?? t.config.brand.timeZone,
  });
}

/** A cashier account of that store, logged in (password `tidepool123`, as the demo staff). */
export async function createCashier(t: TestApp, storeId: number): Promise<Actor & { staffId: number }> {
  const username = unique('cashier').slice(0, 64);
  const staff = await t.app
    .get<DataSource>(getDataSourceToken())
    .getRepository(StaffAccount)
    .save({
      username,
      passwordHash: await hashPassword('tidepool123'),
      role: 'cashier',
      storeId,
      displayName: '测试收银员',
    });
  return { ...(await staffLogin(t, username)), staffId: staff.id };
}
