import { msUntil, wallClock, type DropPhase, type DropView } from '@tidepool/shared';
import { formatTime, storeTimeZone } from '@/utils/date';

/**
 * A drop's phase and countdown on the server's clock, as the phone shows them. `skewMs` is the server's clock minus
 * the phone's (measured on the answer that carried the view): the page ticks on the phone's clock plus the skew,
 * so a phone that is minutes off still opens the drop at the right second. Pure: used by the home banner (main
 * package) and the drop pages.
 */

type DropTimes = Pick<DropView, 'myOpensAt' | 'closesAt'>;

/** The member's phase now: UPCOMING until their opening (earlier with 优先购), OPEN until the close, then ENDED. */
export function livePhase(drop: DropTimes, phoneNowMs: number, skewMs: number): DropPhase {
  if (msUntil(new Date(drop.closesAt), phoneNowMs, skewMs) === 0) return 'ENDED';
  return msUntil(new Date(drop.myOpensAt), phoneNowMs, skewMs) === 0 ? 'OPEN' : 'UPCOMING';
}

/** Milliseconds until the member may buy (0 once open). */
export function msUntilOpen(drop: DropTimes, phoneNowMs: number, skewMs: number): number {
  return msUntil(new Date(drop.myOpensAt), phoneNowMs, skewMs);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "00:00:35", "23:59:59", "2天 03:04:05". Seconds round up, so "00:00:00" shows only when the drop really opens.
 */
export function formatDropCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const clock = `${pad(hours)}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${days}天 ${clock}` : clock;
}

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

interface StoreWall {
  dayNumber: number;
  month: number;
  day: number;
  weekday: number;
  hhmm: string;
}

/** The wall clock in the store's zone, from the shared formatter (whatever zone the phone is in). */
function storeWall(ms: number): StoreWall {
  const w = wallClock(ms, storeTimeZone())!;
  const dayNumber = Math.floor(Date.UTC(w.year, w.month - 1, w.day) / 86_400_000);
  return {
    dayNumber,
    month: w.month,
    day: w.day,
    weekday: (dayNumber + 4) % 7, // 1970-01-01 was a Thursday
    hhmm: formatTime(ms),
  };
}

/** "12:00" in store time; '' for an invalid instant. */
export function storeClock(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : storeWall(ms).hhmm;
}

/**
 * When, in store time, said relative to the server's today: "今天 12:00", "明天 12:00", "11月27日 周五 12:00".
 * '' for an invalid instant.
 */
export function storeWhen(iso: string, serverNowMs: number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const at = storeWall(ms);
  const days = at.dayNumber - storeWall(serverNowMs).dayNumber;
  if (days === 0) return `今天 ${at.hhmm}`;
  if (days === 1) return `明天 ${at.hhmm}`;
  return `${at.month}月${at.day}日 ${WEEKDAY[at.weekday]} ${at.hhmm}`;
}

/** The one-line status of a drop for the home banner and the list: what the member should know first. */
export function dropStatusText(drop: DropTimes, phoneNowMs: number, skewMs: number): string {
  switch (livePhase(drop, phoneNowMs, skewMs)) {
    case 'UPCOMING': {
      const ms = msUntilOpen(drop, phoneNowMs, skewMs);
      return ms < 86_400_000
        ? `距开抢 ${formatDropCountdown(ms)}`
        : `${storeWhen(drop.myOpensAt, phoneNowMs + skewMs)} 开抢`;
    }
    case 'OPEN':
      return `抢购中 · ${storeWhen(drop.closesAt, phoneNowMs + skewMs)} 结束`;
    case 'ENDED':
      return '已结束';
  }
}
