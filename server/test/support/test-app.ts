import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnection } from 'mysql2/promise';
import { createApp, type CreateAppOptions } from '../../src/app.factory';
import { type AppConfig, loadConfig } from '../../src/config/env';

/**
 * A test database of the kind `pnpm test` was asked for: a fresh SQLite file by default, or, when DATABASE_URL
 * is set, a fresh database on that MySQL server (created here, migrated by the app's boot, dropped at the end).
 */
export interface TestDatabase {
  database: AppConfig['database'];
  drop(): Promise<void>;
}

export const usingMysql = Boolean(process.env.DATABASE_URL);

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidepool-test-'));
    return {
      database: { kind: 'sqlite', file: path.join(dir, 'tidepool.sqlite') },
      drop: () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true })),
    };
  }
  const name = `tidepool_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const server = new URL(url);
  server.pathname = '/';
  const admin = await createConnection({ uri: server.toString() });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    database: { kind: 'mysql', url: dbUrl.toString(), poolSize: 5 },
    drop: async () => {
      const conn = await createConnection({ uri: server.toString() });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
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
    database: testDb.database,
    ...overrides,
  };
  const app = await createApp(config, options);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    db: testDb,
    inject: app.inject.bind(app),
    close: async () => {
      await app.close();
      if (!db) await testDb.drop();
    },
  };
}
