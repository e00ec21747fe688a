import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { AppConfig } from '../config/env';

/**
 * A throwaway database for tests, benchmarks and the migration generator: a SQLite file in a fresh temporary
 * folder, or, given a MySQL/MariaDB URL, a fresh database created beside the one it names (that one is never
 * touched). `drop()` removes the database and the folder. The app's boot migrates it.
 */
export interface ScratchDatabase {
  database: AppConfig['database'];
  /** A fresh temporary folder (the SQLite file lives here; benchmarks use it as DATA_DIR). */
  dataDir: string;
  drop(): Promise<void>;
}

export interface ScratchDatabaseOptions {
  /** A mysql:// URL to create the database beside; SQLite when absent. */
  mysqlUrl?: string | null;
  /** Names the folder and the MySQL database, so a leftover one says who made it. */
  prefix: string;
  poolSize?: number;
  /**
   * mysql:// URLs of replicas of `mysqlUrl`'s server: the scratch database, created on the primary, reaches them by
   * replication, and the app reads from them where it may (ReadReplicas).
   */
  replicaUrls?: string[];
}

export async function createScratchDatabase(options: ScratchDatabaseOptions): Promise<ScratchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${options.prefix}-`));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (!options.mysqlUrl) {
    return {
      database: { kind: 'sqlite', file: path.join(dataDir, 'tidepool.sqlite') },
      dataDir,
      drop: () => Promise.resolve(removeDir()),
    };
  }
  // Unique across parallel test workers and processes started in the same millisecond.
  const name = `${options.prefix.replace(/\W/g, '_')}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const server = new URL(options.mysqlUrl);
  server.pathname = '/';
  const admin = async (sql: string) => {
    const conn = await createConnection({ uri: server.toString() });
    try {
      await conn.query(sql);
    } finally {
      await conn.end();
    }
  };
  await admin(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(options.mysqlUrl);
  url.pathname = `/${name}`;
  return {
    database: {
      kind: 'mysql',
      url: url.toString(),
      poolSize: options.poolSize ?? 10,
      ...(options.replicaUrls && options.replicaUrls.length > 0
        ? {
            replicaUrls: options.replicaUrls.map((replica) => {
              const replicaUrl = new URL(replica);
              replicaUrl.pathname = `/${name}`;
              return replicaUrl.toString();
            }),
          }
        : {}),
    },
    dataDir,
    drop: async () => {
      await admin(`DROP DATABASE IF EXISTS \`${name}\``);
      removeDir();
    },
  };
}
