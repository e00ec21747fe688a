import { PRIVACY_TERMS_VERSION, type DropAdminView } from '@tidepool/shared';
import { request } from 'node:http';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ServerProcess, startServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase, usingMysql } from '../support/test-app';

/**
 * `WORKERS=3` as a brand runs it: one `node dist/main.js` whose three API workers share a port, on MariaDB and
 * Redis. Every request below opens its own connection, so the cluster hands them to the workers in turn and each
 * answer names its worker (x-tidepool-worker).
 */
const MEMBERS = 60;
const BUYERS = 300;
const CAP = 30;

interface Answer {
  status: number;
  worker: string;
  body: unknown;
}

describe.skipIf(!usingMysql)('three API workers on one port (MariaDB + Redis)', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let operatorToken = '';
  const memberTokens: string[] = [];

  const call = (method: string, path: string, body?: unknown, token?: string) =>
    new Promise<Answer>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        `${server.baseUrl}${path}`,
        {
          method,
          agent: false, // a new connection each time, so the cluster picks a worker each time
          headers: {
            ...(payload ? { 'content-type': 'application/json' } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              worker: String(res.headers['x-tidepool-worker'] ?? ''),
              body: text ? JSON.parse(text) : null,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });

  beforeAll(async () => {
    await buildServer();
    db = await createTestDatabase();
    if (db.database.kind !== 'mysql') throw new Error('needs MySQL');
    server = await startServerProcess({
      DATABASE_URL: db.database.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `workers-spec-${process.pid}-${Date.now()}:`,
      WORKERS: '3',
      NODE_ENV: 'development',
      JOBS_ENABLED: 'true',
      // Friday 12:00:05 in Shanghai.
      TIDEPOOL_NOW: '2026-11-27T12:00:05+08:00',
    });
    // The first worker has run the migrations and the seed before the others start; wait until all three answer.
    const seen = new Set<string>();
    const deadline = Date.now() + 120_000;
    while (seen.size < 3 && Date.now() < deadline) {
      const answers = await Promise.all(Array.from({ length: 6 }, () => call('GET', '/api/health')));
      for (const a of answers) seen.add(a.worker);
      if (seen.size < 3) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(seen.size).toBe(3);

    const login = await call('POST', '/api/auth/staff-login', { username: 'operator', password: 'tidepool123' });
    operatorToken = (login.body as { accessToken: string }).accessToken;
    for (let start = 0; start < MEMBERS; start += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, MEMBERS - start) }, async (_, k) => {
          const n = start + k;
          const res = await call('POST', '/api/auth/wechat-login', { code: `dev-workers-${n}` });
          const token = (res.body as { accessToken: string }).accessToken;
          const signup = await call(
            'POST',
            '/api/members/signup',
            { phoneCode: `dev-phone-1380000${String(n).padStart(4, '0')}`, consentVersion: PRIVACY_TERMS_VERSION },
            token,
          );
          if (signup.status !== 200) throw new Error(`signup ${n}: ${signup.status} ${JSON.stringify(signup.body)}`);
          memberTokens[n] = token;
        }),
      );
    }
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('spreads requests over all three workers', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => call('GET', '/api/health')));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.worker))).toEqual(new Set(['1', '2', '3']));
  });

  it('five wrong passwords in total, whichever workers they reach, lock the account on every worker', async () => {
    const wrong: Answer[] = [];
    for (let i = 0; i < 5; i++) {
      wrong.push(await call('POST', '/api/auth/staff-login', { username: 'cashier.sh001', password: `nope-${i}` }));
    }
    expect(wrong.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(wrong.map((a) => a.worker)).size).toBeGreaterThan(1);
    // The right password is now refused by every worker, and a refusal spends nothing more.
    const right: Answer[] = [];
    for (let i = 0; i < 6; i++) {
      right.push(await call('POST', '/api/auth/staff-login', { username: 'cashier.sh001', password: 'tidepool123' }));
    }
    expect(right.map((a) => a.status)).toEqual([429, 429, 429, 429, 429, 429]);
    expect(new Set(right.map((a) => a.worker))).toEqual(new Set(['1', '2', '3']));
  });

  it(`a drop rush across the three workers sells exactly the cap of ${CAP}`, async () => {
    const products = (await call('GET', '/api/catalog/products?pageSize=1')).body as { items: Array<{ id: number }> };
    const product = (await call('GET', `/api/catalog/products/${products.items[0].id}`)).body as {
      skus: Array<{ id: number }>;
    };
    const now = Date.parse(((await call('GET', '/api/time')).body as { now: string }).now);
    // Each worker's clock runs on from TIDEPOOL_NOW from its own boot: open a few seconds after the latest.
    const opensAt = new Date(now + 5_000);
    const created = await call(
      'POST',
      '/api/admin/drops',
      {
        title: '三进程抢购',
        recurrence: 'ONCE',
        opensAt: opensAt.toISOString(),
        closesAt: new Date(opensAt.getTime() + 3600_000).toISOString(),
        items: [{ skuId: product.skus[0].id, dropPriceFen: 100, cap: CAP, perMemberLimit: 1 }],
      },
      operatorToken,
    );
    expect(created.status).toBe(201);
    const drop = created.body as DropAdminView;
    const openEverywhere = async () => {
      const clocks = await Promise.all(Array.from({ length: 9 }, () => call('GET', '/api/time')));
      return clocks.every((c) => Date.parse((c.body as { now: string }).now) > opensAt.getTime() + 500);
    };
    while (!(await openEverywhere())) await new Promise((resolve) => setTimeout(resolve, 250));

    const results = await Promise.all(
      Array.from({ length: BUYERS }, (_, i) =>
        call(
          'POST',
          `/api/drops/${drop.id}/orders`,
          {
            dropItemId: drop.items[0].id,
            quantity: 1,
            clientOrderId: `workers-${i}`,
            fulfilment: 'PICKUP',
            pickupStoreId: 1,
          },
          memberTokens[i % MEMBERS],
        ),
      ),
    );
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(CAP);
    for (const r of results.filter((a) => a.status !== 201)) {
      expect(r.status).toBe(409);
      expect(['DROP_SOLD_OUT', 'DROP_LIMIT_REACHED']).toContain((r.body as { code: string }).code);
    }
    expect(new Set(won.map((r) => r.worker)).size).toBeGreaterThan(1);

    const conn = await createConnection({ uri: (db.database as { url: string }).url });
    try {
      const [[orders]] = (await conn.query(
        'SELECT COUNT(*) AS n, COUNT(DISTINCT memberId) AS members FROM orders WHERE dropId = ?',
        [drop.id],
      )) as unknown as [Array<{ n: number; members: number }>];
      expect({ n: Number(orders.n), members: Number(orders.members) }).toEqual({ n: CAP, members: CAP });
      const [[item]] = (await conn.query('SELECT sold, reserved FROM drop_items WHERE id = ?', [
        drop.items[0].id,
      ])) as unknown as [Array<{ sold: number; reserved: number }>];
      expect(item.sold + item.reserved).toBe(CAP);
    } finally {
      await conn.end();
    }
  }, 120_000);

  it('runs each scheduled job period once although three schedulers tick', async () => {
    const conn = await createConnection({ uri: (db.database as { url: string }).url });
    try {
      const [runs] = (await conn.query(
        'SELECT job, runKey, COUNT(*) AS n, MIN(status) AS status FROM job_runs GROUP BY job, runKey',
      )) as unknown as [Array<{ job: string; runKey: string; n: number; status: string }>];
      expect(runs.length).toBeGreaterThan(0);
      for (const run of runs) {
        expect(Number(run.n)).toBe(1);
        expect(run.status).not.toBe('FAILED');
      }
    } finally {
      await conn.end();
    }
  });
});
