/**
 * The payment window of an unpaid order (15 minutes by default, the server's setting) counted down on the
 * server's clock: the phone's clock may be off, so the page adds the skew measured against GET /api/time.
 */

/** Milliseconds from `serverNowMs` until `deadlineIso`; 0 when it has passed, null when there is no deadline. */
export function msUntil(deadlineIso: string | null | undefined, serverNowMs: number): number | null {
  if (!deadlineIso) return null;
  const deadline = Date.parse(deadlineIso);
  if (Number.isNaN(deadline)) return null;
  return Math.max(0, deadline - serverNowMs);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "14:59", "1:02:03" from an hour on, "00:00" at the end. Seconds round up, so the display reaches 00:00 only
 * when the time is really up (the first second shows the full "15:00").
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}
