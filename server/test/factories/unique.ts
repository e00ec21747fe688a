/**
 * Names that no other test, worker or process uses: factories make their own rows, so a spec never depends on,
 * or changes, a row another spec (or the demo seed) owns.
 */
let seq = 0;
const run = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;

export function unique(prefix: string): string {
  return `${prefix}-${run}-${++seq}`;
}

/** A mainland mobile number unique to this process (137, then the pid and a counter). */
export function uniquePhone(): string {
  return `137${String(process.pid % 10_000).padStart(4, '0')}${String(++seq % 10_000).padStart(4, '0')}`;
}
