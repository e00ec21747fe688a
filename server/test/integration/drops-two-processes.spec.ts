import { PRIVACY_TERMS_VERSION, type DropAdminView } from '@tidepool/shared';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded } from '../support/drops';
import { buildServer, type ServerProcess, startServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase, usingMysql } from '../support/test-app';

/**
 * The rush against real deployment: two server processes on one MariaDB database, 1,000 buyers at once split
 * between them. Only MySQL can be shared by two processes (the embedded SQLite file is one process's).
 */
const MEMBERS = 400;
const BUYERS = 1000;
const CAP = 100;
const LIMIT = 2;

describe.skipIf(!usingMysql)('a drop rush on two server processes (MariaDB)', () => {
  let db: TestDatabase;
  let servers: ServerProcess[] = [];
  let operatorToken = '';
  const memberTokens: string[] = [];
  let skuId = 0;

  beforeAll(async () => {
    await buildServer();
    db = await createTestDatabase();
    if (db.database.kind !== 'mysql') throw new Error('needs MySQL');
    const env = {
      DATABASE_URL: db.database.url,
      NODE_ENV: 'development',
      JOBS_ENABLED: 'false',
      // Friday 12:00:05 in Shanghai: the drop below is open.
      TIDEPOOL_NOW: '2026-11-27T12:00:05+08:00',
    };
    // One boots first (migrations and the demo seed), then the second joins the same database.
    servers.push(await startServerProcess(env));
    servers.push(await startServerProcess({ ...env, SEED_DEMO: 'false' }));

    const login = await post(servers[0], '/api/auth/staff-login', { username: 'operator', password: 'tidepool123' });
    operatorToken = (login.body as { accessToken: string }).accessToken;
    const products = (await fetch(`${servers[0].baseUrl}/api/catalog/products?pageSize=1`).then((r) => r.json())) as {
      items: Array<{ id: number }>;
    };
    const product = (await fetch(`${servers[0].baseUrl}/api/catalog/products/${products.items[0].id}`).then((r) =>
      r.json(),
    )) as { skus: Array<{ id: number }> };
    skuId = product.skus[0].id;
    // Members sign up through the API, alternating processes.
    for (let start = 0; start < MEMBERS; start += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, MEMBERS - start) }, async (_, k) => {
          const n = start + k;
          const server = servers[n % 2];
          const res = await post(server, '/api/auth/wechat-login', { code: `dev-rush-${n}` });
          const token = (res.body as { accessToken: string }).accessToken;
          const signup = await post(
            server,
            '/api/members/signup',
            { phoneCode: `dev-phone-1390000${String(n).padStart(4, '0')}`, consentVersion: PRIVACY_TERMS_VERSION },
            token,
          );
          if (signup.status !== 200) throw new Error(`signup ${n}: ${signup.status} ${JSON.stringify(signup.body)}`);
          memberTokens[n] = token;
        }),
      );
    }
  }, 240_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    servers = [];
    await db?.drop();
  });

  for (const seed of [1, 7, 20261127]) {
    it(`sells exactly ${CAP} of ${CAP} units to ${BUYERS} concurrent buyers, within every member's limit (seed ${seed})`, async () => {
      expect(skuId).toBeGreaterThan(0);
      // A drop is scheduled before it opens (never in the past): a few seconds ahead of the servers' clocks, which
      // run on from TIDEPOOL_NOW (each from its own boot) while the members sign up; the rush starts once it has
      // opened on both.
      const serverNow = async (server: ServerProcess) =>
        Date.parse(((await (await fetch(`${server.baseUrl}/api/time`)).json()) as { now: string }).now);
      const opensAt = new Date(Math.max(...(await Promise.all(servers.map(serverNow)))) + 3_000);
      const created = await post(
        servers[0],
        '/api/admin/drops',
        {
          title: `两进程抢购 ${seed}`,
          recurrence: 'ONCE',
          opensAt: opensAt.toISOString(),
          closesAt: new Date(opensAt.getTime() + 6 * 3600_000).toISOString(),
          items: [{ skuId, dropPriceFen: 100, cap: CAP, perMemberLimit: LIMIT }],
        },
        operatorToken,
      );
      expect(created.status).toBe(201);
      const drop = created.body as DropAdminView;
      while (Math.min(...(await Promise.all(servers.map(serverNow)))) <= opensAt.getTime()) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const random = seeded(seed);
      const attempts = Array.from({ length: BUYERS }, (_, i) => ({
        member: Math.floor(random() * MEMBERS),
        server: servers[random() < 0.5 ? 0 : 1],
        clientOrderId: `rush-${seed}-${i}`,
      }));
      const results = await Promise.all(
        attempts.map(async (a) => ({
          ...a,
          ...(await post(
            a.server,
            `/api/drops/${drop.id}/orders`,
            {
              dropItemId: drop.items[0].id,
              quantity: 1,
              clientOrderId: a.clientOrderId,
              fulfilment: 'PICKUP',
              pickupStoreId: 1,
            },
            memberTokens[a.member],
          )),
        })),
      );
      const won = results.filter((r) => r.status === 201);
      const lost = results.filter((r) => r.status !== 201);
      expect(won).toHaveLength(CAP);
      for (const r of lost) {
        expect(r.status).toBe(409);
        expect(['DROP_SOLD_OUT', 'DROP_LIMIT_REACHED']).toContain((r.body as { code: string }).code);
      }
      // Both processes sold units.
      expect(new Set(won.map((r) => r.server.baseUrl)).size).toBe(2);
      const perMember = new Map<number, number>();
      for (const r of won) perMember.set(r.member, (perMember.get(r.member) ?? 0) + 1);
      expect(Math.max(...perMember.values())).toBeLessThanOrEqual(LIMIT);

      // The database agrees: 100 orders, counters exact and never negative, holds equal to orders per member.
      const conn = await createConnection({ uri: (db.database as { url: string }).url });
      try {
        const [[orders]] = (await conn.query('SELECT COUNT(*) AS n FROM orders WHERE dropId = ?', [
          drop.id,
        ])) as unknown as [Array<{ n: number }>];
        expect(Number(orders.n)).toBe(CAP);
        const [[item]] = (await conn.query('SELECT cap, sold, reserved FROM drop_items WHERE id = ?', [
          drop.items[0].id,
        ])) as unknown as [Array<{ cap: number; sold: number; reserved: number }>];
        expect(item).toEqual({ cap: CAP, sold: 0, reserved: CAP });
        const [holds] = (await conn.query(
          `SELECT h.memberId, h.held, COUNT(o.id) AS orders FROM drop_member_holds h
             LEFT JOIN orders o ON o.memberId = h.memberId AND o.dropId = ?
           WHERE h.dropItemId = ? GROUP BY h.memberId, h.held`,
          [drop.id, drop.items[0].id],
        )) as unknown as [Array<{ memberId: number; held: number; orders: number }>];
        for (const h of holds) {
          expect(h.held).toBeGreaterThanOrEqual(0);
          expect(h.held).toBeLessThanOrEqual(LIMIT);
          expect(h.held).toBe(Number(h.orders));
        }
        expect(holds.reduce((sum, h) => sum + h.held, 0)).toBe(CAP);
      } finally {
        await conn.end();
      }
    }, 120_000);
  }
});

async function post(
  server: ServerProcess,
  url: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.baseUrl}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
