import { describe, expect, it } from 'vitest';
import { walkOldestFirst } from './oldest-first-walk';

/** 250 rows with ids 1..250; `stuck` ids are visited but never settle, `down` makes the remote side unavailable. */
function table(down: Set<number> = new Set()) {
  const rows = Array.from({ length: 250 }, (_, i) => i + 1);
  const seen: number[] = [];
  const run = (from: number | null, maxPerRun = 1000) =>
    walkOldestFirst({
      from,
      batch: 100,
      maxPerRun,
      page: (after: number | null, limit) => Promise.resolve(rows.filter((id) => id > (after ?? 0)).slice(0, limit)),
      cursorOf: (id) => id,
      visit: (id) => {
        if (down.has(id)) return Promise.resolve('pause' as const);
        seen.push(id);
        return Promise.resolve('next' as const);
      },
    });
  return { run, seen };
}

describe('walkOldestFirst', () => {
  it('reaches every row in order across batches and starts over after the newest', async () => {
    const { run, seen } = table();
    expect(await run(null)).toEqual({ visited: 250, resumeFrom: null });
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
  });

  it('stops after maxPerRun whole batches and the next run goes on from there, not from the oldest', async () => {
    const { run, seen } = table();
    const first = await run(null, 100);
    expect(first).toEqual({ visited: 100, resumeFrom: 100 });
    const second = await run(first.resumeFrom, 100);
    expect(second).toEqual({ visited: 100, resumeFrom: 200 });
    expect(seen.slice(100, 102)).toEqual([101, 102]);
  });

  it('pauses before a row the remote side could not answer, and the next run starts with that row', async () => {
    const down = new Set([130]);
    const { run, seen } = table(down);
    expect(await run(null)).toEqual({ visited: 129, resumeFrom: 129 });
    down.clear();
    const again = await run(129);
    expect(again).toEqual({ visited: 121, resumeFrom: null });
    expect(seen[129]).toBe(130);
  });
});
