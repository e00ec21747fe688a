import type { AdminSkuDto, CreateDropRequest, DropAdminView } from '@tidepool/shared';
import { createSku } from '../factories/catalog.factory';
import type { Actor } from './actors';
import type { TestApp } from './test-app';

/** Schedules a drop through the operator API and returns it (throws on anything but 201). */
export async function scheduleDrop(t: TestApp, operator: Actor, request: CreateDropRequest): Promise<DropAdminView> {
  const res = await t.inject({ method: 'POST', url: '/api/admin/drops', headers: operator.headers, payload: request });
  if (res.statusCode !== 201) throw new Error(`schedule drop: ${res.statusCode} ${res.body}`);
  return res.json<DropAdminView>();
}

/** A SKU of its own for a drop (the drop sets its units aside; the catalogue's stock is never touched). */
export async function dropSku(t: TestApp, priceFen = 3000): Promise<AdminSkuDto> {
  return createSku(t, priceFen, 500);
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
