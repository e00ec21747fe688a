// Shared pieces of the benchmark scripts: a scratch database and a fixed-concurrency latency measurement.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * A throwaway database: SQLite in a temp dir, or with DATABASE_URL a fresh MySQL/MariaDB database created beside
 * it. `drop()` removes both. `require` is the server package's (mysql2 lives there).
 */
export async function scratchDatabase(require) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tidepool-bench-'));
  const cleanDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (!process.env.DATABASE_URL) {
    return {
      dataDir,
      database: { kind: 'sqlite', file: join(dataDir, 'tidepool.sqlite') },
      drop: async () => cleanDir(),
    };
  }
  const mysql = require('mysql2/promise');
  const admin = new URL(process.env.DATABASE_URL);
  admin.pathname = '/';
  const name = `tidepool_bench_${Date.now()}`;
  const conn = await mysql.createConnection({ uri: admin.toString() });
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    dataDir,
    database: { kind: 'mysql', url: url.toString(), poolSize: 10 },
    drop: async () => {
      const c = await mysql.createConnection({ uri: admin.toString() });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
      cleanDir();
    },
  };
}

/** Runs `request(i)` for i < count with `concurrency` workers; prints and returns rate and p50/p95/p99 (ms). */
export async function measure(label, count, concurrency, request) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = performance.now();
        await request(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  const r = { perSecond: count / seconds, p50: pct(50), p95: pct(95), p99: pct(99) };
  console.log(
    `${label.padEnd(40)} n=${count}  ${r.perSecond.toFixed(0).padStart(5)}/s  p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms`,
  );
  return r;
}
