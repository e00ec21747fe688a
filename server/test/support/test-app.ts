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

export const usingMysql = Boolean(process.env.DATABASE_URL);

export function createTestDatabase(): Promise<TestDatabase> {
  return createScratchDatabase({ mysqlUrl: process.env.DATABASE_URL, prefix: 'tidepool_t', poolSize: 5 });
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
