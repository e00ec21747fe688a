/**
 * Polls until a condition holds or time runs out: after WeChat Pay (or the H5 pay page) says the member paid, the
 * order becomes PAID only when the payment notification reaches the server, usually within a second or two.
 */
export interface PollOptions {
  /** Between two loads (from the end of one to the start of the next). */
  intervalMs?: number;
  /** Gives up after this long (measured from the start). */
  timeoutMs?: number;
  /** Stops early (the page was left); the last value is returned as not done. */
  cancelled?: () => boolean;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface PollResult<T> {
  /** The condition held for `value`. */
  done: boolean;
  /** The last value loaded (null when every load failed). */
  value: T | null;
  /** The last load's error, when the last load failed. */
  error: unknown;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Loads at once, then every `intervalMs` until `isDone(value)` or `timeoutMs`; a failed load is tried again. */
export async function pollUntil<T>(
  load: () => Promise<T>,
  isDone: (value: T) => boolean,
  {
    intervalMs = 1000,
    timeoutMs = 15_000,
    cancelled = () => false,
    sleep = defaultSleep,
    now = Date.now,
  }: PollOptions = {},
): Promise<PollResult<T>> {
  const started = now();
  let value: T | null = null;
  let error: unknown = null;
  for (;;) {
    if (cancelled()) return { done: false, value, error };
    try {
      value = await load();
      error = null;
      if (isDone(value)) return { done: true, value, error: null };
    } catch (err) {
      error = err;
    }
    if (cancelled() || now() - started + intervalMs > timeoutMs) return { done: false, value, error };
    await sleep(intervalMs);
  }
}
