import * as os from 'node:os';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp, type CreateAppOptions } from '../../src/app.factory';
import { type AppConfig, loadConfig } from '../../src/config/env';
import { createScratchDatabase, type ScratchDatabase } from '../../src/database/scratch-database';

/**
 * A test database of the kind `pnpm test` was asked for: a fresh SQLite file by default, or, when DATABASE_URL
 * is set, a fresh database on that MySQL server (created here, migrated by the app's boot, dropped at the end).
 */
export type TestDatabase = ScratchDatabase;

import { createPool } from 'mysql2/promise';

export const usingMysql = Boolean(process.env.DATABASE_URL);
/** DATABASE_REPLICA_URLS beside DATABASE_URL: every test app reads from those replicas where the code allows. */
export const usingReplicas = usingMysql && Boolean(process.env.DATABASE_REPLICA_URLS);

export function createTestDatabase(): Promise<TestDatabase> {
  return createScratchDatabase({
    mysqlUrl: process.env.DATABASE_URL,
    replicaUrls: usingReplicas ? process.env.DATABASE_REPLICA_URLS?.split(',') : undefined,
    prefix: 'tidepool_t',
    poolSize: 5,
  });
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  inject: NestFastifyApplication['inject'];
  close(): Promise<void>;
}

export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  db?: TestDatabase,
  options: CreateAppOptions = {},
): Promise<TestApp & { db: TestDatabase }> {
  const testDb = db ?? (await createTestDatabase());
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    h5Dir: path.join(os.tmpdir(), 'tidepool-no-h5'),
    consoleDir: path.join(os.tmpdir(), 'tidepool-no-console'),
    database: testDb.database,
    ...overrides,
  };
  const app = await createApp(config, options);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const replicated = replicaCatchUp(config.database);
  if (replicated) await replicated.wait();
  return {
    app,
    config,
    db: testDb,
    inject: replicated ? waitingForReplicas(app, replicated.wait) : app.inject.bind(app),
    close: async () => {
      await app.close();
      await replicated?.end();
      if (!db) await testDb.drop();
    },
  };
}

/**
 * With read replicas the storefront's browsing reads may trail a write by a moment. Tests assert what the API
 * answers once the write has replicated, so after the app boots and after every request that is not a GET the
 * harness waits until each replica has applied everything the primary had written (MariaDB's GTID wait). A path
 * that must read its own write goes to the primary and is not helped by this wait.
 */
function replicaCatchUp(
  database: AppConfig['database'],
): { wait: () => Promise<void>; end: () => Promise<void> } | null {
  if (!usingReplicas || database.kind !== 'mysql' || !database.replicaUrls?.length) return null;
  // Connections of their own, outside TypeORM: tests that count the app's queries must not count these.
  const primary = createPool({ uri: database.url, connectionLimit: 1 });
  const replicas = database.replicaUrls.map((uri) => createPool({ uri, connectionLimit: 1 }));
  return {
    wait: async () => {
      const [rows] = await primary.query('SELECT @@gtid_binlog_pos AS pos');
      const pos = (rows as Array<{ pos: string }>)[0].pos;
      for (const replica of replicas) {
        const [waited] = await replica.query('SELECT MASTER_GTID_WAIT(?, 10) AS waited', [pos]);
        if (Number((waited as Array<{ waited: number }>)[0].waited) !== 0) {
          throw new Error(`a replica did not reach ${pos} in 10 s`);
        }
      }
    },
    end: async () => {
      await Promise.all([primary, ...replicas].map((pool) => pool.end()));
    },
  };
}

function waitingForReplicas(app: NestFastifyApplication, caughtUp: () => Promise<void>): TestApp['inject'] {
  type Options = { method?: string };
  const inject = app.inject.bind(app) as unknown as (options: Options) => Promise<unknown>;
  return (async (options: Options) => {
    const response = await inject(options);
    if ((options.method ?? 'GET').toUpperCase() !== 'GET') await caughtUp();
    return response;
  }) as TestApp['inject'];
}
