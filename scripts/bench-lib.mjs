// Shared pieces of the benchmark scripts: a scratch database and a fixed-concurrency latency measurement.
import { performance } from 'node:perf_hooks';

/**
 * A throwaway database: SQLite in a temp dir, or with DATABASE_URL a fresh MySQL/MariaDB database created beside
 * it; `drop()` removes both. The server's own scratch-database helper (the one the tests use), loaded from its
 * build: every benchmark builds the server first. `require` is the server package's.
 */
export function scratchDatabase(require, mysqlUrl = process.env.DATABASE_URL) {
  const { createScratchDatabase } = require('./dist/database/scratch-database.js');
  return createScratchDatabase({ mysqlUrl, prefix: 'tidepool_bench' });
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
