import { localCalendar, zonedWallTime } from '../loyalty/business-calendar';
import type { TierCode } from '../loyalty/tiers';

/**
 * The weekly group-buy drop (团购, docs/domain.md: Friday 12:00 – Saturday 18:00 store time). Pure calendar rules shared
 * by the server (which decides) and the mini program (which counts down), computed in the store's zone so
 * "Friday noon" is Friday noon in Shanghai whatever zone the server or the phone runs in.
 */
export interface WeeklyDropSchedule {
  /** 0 = Sunday … 6 = Saturday. */
  opensWeekday: number;
  /** Minutes after local midnight. */
  opensAtMinute: number;
  closesWeekday: number;
  closesAtMinute: number;
  timeZone: string;
}

export const DEFAULT_DROP_SCHEDULE: WeeklyDropSchedule = {
  opensWeekday: 5,
  opensAtMinute: 12 * 60,
  closesWeekday: 6,
  closesAtMinute: 18 * 60,
  timeZone: 'Asia/Shanghai',
};

export interface DropWindow {
  opensAt: Date;
  closesAt: Date;
}

/** Priority purchase: higher tiers may buy this many minutes before the window opens (gold 30 by default). */
export type EarlyAccess = Partial<Record<TierCode, number>>;

export const DEFAULT_EARLY_ACCESS: EarlyAccess = { GOLD: 30 };

export type DropPhase = 'UPCOMING' | 'OPEN' | 'ENDED';

const DAY_MS = 86_400_000;

/**
 * The window that is open at `now`, or else the next one to open. Walks local dates, so weeks that cross a
 * daylight-saving change still open at the local wall time.
 */
export function currentOrNextWindow(schedule: WeeklyDropSchedule, now: Date): DropWindow {
  // Start a week back so a window that opened before `now` and is still open is found.
  for (let back = 7; back >= -7; back--) {
    const day = localCalendar(new Date(now.getTime() - back * DAY_MS), schedule.timeZone);
    if (day.weekday !== schedule.opensWeekday) continue;
    const window = windowOpeningOn(schedule, day.date);
    if (window.closesAt.getTime() > now.getTime()) return window;
  }
  throw new Error('no drop window within two weeks'); // unreachable for a weekly schedule
}

function windowOpeningOn(schedule: WeeklyDropSchedule, localDate: string): DropWindow {
  const [y, m, d] = localDate.split('-').map(Number);
  const opensAt = zonedWallTime(
    y,
    m,
    d,
    Math.floor(schedule.opensAtMinute / 60),
    schedule.opensAtMinute % 60,
    schedule.timeZone,
  );
  const daysToClose = (schedule.closesWeekday - schedule.opensWeekday + 7) % 7;
  const closeDay = new Date(Date.UTC(y, m - 1, d + daysToClose));
  const closesAt = zonedWallTime(
    closeDay.getUTCFullYear(),
    closeDay.getUTCMonth() + 1,
    closeDay.getUTCDate(),
    Math.floor(schedule.closesAtMinute / 60),
    schedule.closesAtMinute % 60,
    schedule.timeZone,
  );
  return { opensAt, closesAt };
}

/** When this member may start buying: earlier for tiers with priority purchase. */
export function opensAtFor(
  window: DropWindow,
  tier: TierCode | null,
  earlyAccess: EarlyAccess = DEFAULT_EARLY_ACCESS,
): Date {
  const minutes = tier ? (earlyAccess[tier] ?? 0) : 0;
  return new Date(window.opensAt.getTime() - minutes * 60_000);
}

/** The phase of a window for this member at `now`. */
export function dropPhase(
  window: DropWindow,
  now: Date,
  tier: TierCode | null,
  earlyAccess: EarlyAccess = DEFAULT_EARLY_ACCESS,
): DropPhase {
  const t = now.getTime();
  if (t >= window.closesAt.getTime()) return 'ENDED';
  return t >= opensAtFor(window, tier, earlyAccess).getTime() ? 'OPEN' : 'UPCOMING';
}

/**
 * Milliseconds until `target` by the server's clock, from the phone's clock: `skewMs` is server time minus phone
 * time, measured once (GET /api/time, at the middle of the round trip). Never negative.
 */
export function msUntil(target: Date, phoneNowMs: number, skewMs: number): number {
  return Math.max(0, target.getTime() - (phoneNowMs + skewMs));
}
