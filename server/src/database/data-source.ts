import * as fs from 'node:fs';
import * as path from 'node:path';
import * as mysql2 from 'mysql2';
import { createConnection } from 'mysql2/promise';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/env';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * SQLite (embedded default) synchronizes its schema from the entities: it is a demo and test database with
 * nothing to migrate. MySQL's schema comes only from the committed migrations, run on boot; a test fails when
 * the entities drift from them. See docs/adr/0001-database.md.
 */
export async function resolveDataSourceOptions(database: AppConfig['database']): Promise<DataSourceOptions> {
  return dataSourceOptions(database, database.kind === 'mysql' ? await detectFlavour(database.url) : 'mysql');
}

/**
 * MariaDB and MySQL report column metadata differently (MariaDB says DEFAULT 'NULL' for a nullable column);
 * TypeORM reads it right only when told which one it talks to, or every nullable column looks changed.
 */
async function detectFlavour(url: string): Promise<'mysql' | 'mariadb'> {
  const connection = await createConnection({ uri: url, connectTimeout: 5000 });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = (rows as { version: string }[])[0]?.version ?? '';
    return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

export function dataSourceOptions(
  database: AppConfig['database'],
  flavour: 'mysql' | 'mariadb' = 'mysql',
): DataSourceOptions {
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
    type: flavour,
    driver: utcMysql,
    connectorPackage: 'mysql2',
    // With read replicas every query still goes to the primary unless a caller asks ReadReplicas for a replica
    // (defaultMode 'master'): a write and the read that follows it must see the same data, and only the caller
    // knows whether a read may be a moment stale.
    ...(database.replicaUrls && database.replicaUrls.length > 0
      ? {
          replication: {
            master: { url: database.url },
            slaves: database.replicaUrls.map((url) => ({ url })),
            defaultMode: 'master' as const,
          },
        }
      : { url: database.url }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Send and read every DATETIME as UTC (client side); utcMysql makes the session agree (server side).
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    poolSize: database.poolSize,
    supportBigNumbers: true,
    bigNumberStrings: false,
    connectTimeout: 5000,
  };
}

/**
 * mysql2 with every pooled connection's session set to UTC as it is created, so CURRENT_TIMESTAMP defaults and
 * date functions agree with the UTC values the client writes, whatever the database server's own time zone.
 */
const utcMysql = {
  ...mysql2,
  createPool(config: mysql2.PoolOptions) {
    const pool = mysql2.createPool(config);
    pool.on('connection', (connection) => {
      connection.query("SET time_zone = '+00:00'");
    });
    return pool;
  },
};
