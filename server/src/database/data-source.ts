import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/env';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * SQLite (embedded default) synchronizes its schema from the entities: it is a demo and test database with
 * nothing to migrate. MySQL's schema comes only from the committed migrations, run on boot; a test fails when
 * the entities drift from them. See docs/adr/0001-database.md.
 */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  if (database.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(database.file), { recursive: true });
    return {
      type: 'better-sqlite3',
      database: database.file,
      entities: ENTITIES,
      synchronize: true,
      // WAL lets readers run beside the one writer; busy_timeout makes a second writer wait, not fail.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    type: 'mysql',
    url: database.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Store and read every DATETIME as UTC, whatever the server's or the database's own time zone.
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    poolSize: database.poolSize,
    supportBigNumbers: true,
    bigNumberStrings: false,
    connectTimeout: 5000,
  };
}
