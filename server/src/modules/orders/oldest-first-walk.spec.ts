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

  it('ends the run at a row the remote side could not answer; the next run goes on after it, and it comes round again', async () => {
    const down = new Set([130]);
    const { run, seen } = table(down);
    expect(await run(null)).toEqual({ visited: 129, resumeFrom: 130 });
    // Still failing: the walk is not stuck there, it reaches the newest and starts over.
    expect(await run(130)).toEqual({ visited: 120, resumeFrom: null });
    expect(seen.slice(129, 131)).toEqual([131, 132]);
    down.clear();
    const round = await run(null);
    expect(round).toEqual({ visited: 250, resumeFrom: null });
    expect(seen.filter((id) => id === 130)).toEqual([130]);
  });
});
