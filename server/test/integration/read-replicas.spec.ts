import type { ProductDetailDto } from '@tidepool/shared';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadReplicas } from '../../src/common/database/read-replicas';
import { Transactions } from '../../src/common/database/transactions';
import { createTestApp, usingReplicas } from '../support/test-app';

/**
 * With DATABASE_REPLICA_URLS (CI starts a real MariaDB replica with scripts/mariadb-replica.mjs): the storefront's
 * browsing reads come from the replica, everything else from the primary. Proved by pausing the replica's SQL
 * thread, so that it visibly lags, and changing a product on the primary.
 */
describe.skipIf(!usingReplicas)('read replicas (a real MariaDB replica)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const replicaServer = () => {
    if (t.db.database.kind !== 'mysql' || !t.db.database.replicaUrls) throw new Error('needs a replica');
    const url = new URL(t.db.database.replicaUrls[0]);
    url.pathname = '/';
    return url.toString();
  };
  const onReplicaServer = async (sql: string) => {
    const conn = await createConnection({ uri: replicaServer() });
    try {
      await conn.query(sql);
    } finally {
      await conn.end();
    }
  };
  const onPrimary = async (sql: string, params: unknown[]) => {
    if (t.db.database.kind !== 'mysql') throw new Error('needs MySQL');
    const conn = await createConnection({ uri: t.db.database.url });
    try {
      await conn.query(sql, params);
    } finally {
      await conn.end();
    }
  };
  const productName = async (id: number) =>
    (await t.inject({ method: 'GET', url: `/api/catalog/products/${id}` })).json<ProductDetailDto>().name;

  beforeAll(async () => {
    // The harness waits until the replica has caught up with the migrations and the seed.
    t = await createTestApp();
  });
  afterAll(async () => {
    await onReplicaServer('START SLAVE SQL_THREAD').catch(() => undefined);
    await t.close();
  });

  it('is configured', () => {
    expect(t.app.get(ReadReplicas).configured).toBe(true);
  });

  it('serves the product page from the replica, which shows a change only once it has replicated', async () => {
    const before = await productName(1);
    expect(before).toBeTruthy();
    await onReplicaServer('STOP SLAVE SQL_THREAD');
    try {
      await onPrimary('UPDATE products SET name = ? WHERE id = 1', ['副本延迟测试']);
      // The replica has not applied the update: the storefront still shows the old name.
      expect(await productName(1)).toBe(before);
      // Reads inside a unit of work go to the primary, which has it.
      const inUnit = await t.app
        .get(Transactions)
        .run(() => t.app.get(ReadReplicas).read((m) => m.query('SELECT name FROM products WHERE id = 1')));
      expect((inUnit as Array<{ name: string }>)[0].name).toBe('副本延迟测试');
    } finally {
      await onReplicaServer('START SLAVE SQL_THREAD');
    }
    let after = before;
    for (let i = 0; i < 100 && after === before; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await productName(1);
    }
    expect(after).toBe('副本延迟测试');
  });

  it('keeps a read that follows a write on the primary: the admin product view sees the change at once', async () => {
    const login = await t.inject({
      method: 'POST',
      url: '/api/auth/staff-login',
      payload: { username: 'operator', password: 'tidepool123' },
    });
    const token = login.json<{ accessToken: string }>().accessToken;
    await onReplicaServer('STOP SLAVE SQL_THREAD');
    try {
      await onPrimary('UPDATE products SET name = ? WHERE id = 2', ['只在主库']);
      const admin = await t.inject({
        method: 'GET',
        url: '/api/admin/catalog/products/2',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(admin.statusCode).toBe(200);
      expect(admin.json<{ name: string }>().name).toBe('只在主库');
    } finally {
      await onReplicaServer('START SLAVE SQL_THREAD');
    }
  });
});
