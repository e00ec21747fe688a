/**
 * Walks rows oldest first in batches, resuming where the previous run stopped, so that every row is reached
 * however many there are and rows that never settle cannot starve the ones behind them (a plain "first 100"
 * query retries the same 100 forever). `page(after, limit)` returns the next rows strictly after the cursor in
 * the walk's order; `visit` answers 'pause' when the remote side is unavailable, which ends the run. The next run
 * resumes *after* that row, which comes round again on the next pass: one row the remote side can never answer
 * must not stop the walk at the same place run after run.
 *
 * Returns how many rows were visited and where the next run resumes: null once the newest row was passed (the
 * next run starts from the oldest again).
 */
export async function walkOldestFirst<Row, Cursor>(walk: {
  from: Cursor | null;
  batch: number;
  maxPerRun: number;
  page: (after: Cursor | null, limit: number) => Promise<Row[]>;
  cursorOf: (row: Row) => Cursor;
  visit: (row: Row) => Promise<'next' | 'pause'>;
}): Promise<{ visited: number; resumeFrom: Cursor | null }> {
  let after = walk.from;
  let visited = 0;
  while (visited < walk.maxPerRun) {
    const rows = await walk.page(after, walk.batch);
    for (const row of rows) {
      if ((await walk.visit(row)) === 'pause') return { visited, resumeFrom: walk.cursorOf(row) };
      visited++;
      after = walk.cursorOf(row);
    }
    if (rows.length < walk.batch) return { visited, resumeFrom: null };
  }
  return { visited, resumeFrom: after };
}
