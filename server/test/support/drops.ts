import type { CreateDropRequest, DropAdminView } from '@tidepool/shared';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Sku } from '../../src/modules/catalog/sku.entity';
import type { Actor } from './actors';
import type { TestApp } from './test-app';

/** Schedules a drop through the operator API and returns it (throws on anything but 201). */
export async function scheduleDrop(t: TestApp, operator: Actor, request: CreateDropRequest): Promise<DropAdminView> {
  const res = await t.inject({ method: 'POST', url: '/api/admin/drops', headers: operator.headers, payload: request });
  if (res.statusCode !== 201) throw new Error(`schedule drop: ${res.statusCode} ${res.body}`);
  return res.json<DropAdminView>();
}

/** The n-th SKU of the demo catalogue (n from 0), with its list price. */
export async function demoSku(t: TestApp, n = 0): Promise<Sku> {
  const [sku] = await t.app
    .get<DataSource>(getDataSourceToken())
    .getRepository(Sku)
    .find({ order: { id: 'ASC' }, skip: n, take: 1 });
  return sku;
}

/** A deterministic PRNG (mulberry32) so a failing seed can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
