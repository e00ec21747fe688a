import { currentOrNextWindow, type DropWindow, type EarlyAccess, type WeeklyDropSchedule } from './drop-window';

/**
 * A weekly drop as an operator states it: a weekday, a start time and a duration, in the brand's zone ("every
 * Friday 12:00 for 2 hours"). The server turns it into the window schedule the roll job and the rush already use.
 */
export interface WeeklySlot {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes after local midnight, 0..1439. */
  startMinute: number;
  /** 1..MAX_WEEKLY_DURATION_MINUTES. */
  durationMinutes: number;
}

/**
 * At most six days: a weekly window must close before the next week's opens, and the schedule encodes the close
 * as a weekday, which cannot tell "same day" from "a week later".
 */
export const MAX_WEEKLY_DURATION_MINUTES = 6 * 1440;

const DAY_MINUTES = 1440;

/** Why a slot is unusable, or null. */
export function invalidWeeklySlot(slot: WeeklySlot): { field: keyof WeeklySlot; reason: string } | null {
  if (!Number.isInteger(slot.weekday) || slot.weekday < 0 || slot.weekday > 6) {
    return { field: 'weekday', reason: 'weekday must be 0..6' };
  }
  if (!Number.isInteger(slot.startMinute) || slot.startMinute < 0 || slot.startMinute >= DAY_MINUTES) {
    return { field: 'startMinute', reason: 'startMinute must be 0..1439' };
  }
  if (
    !Number.isInteger(slot.durationMinutes) ||
    slot.durationMinutes < 1 ||
    slot.durationMinutes > MAX_WEEKLY_DURATION_MINUTES
  ) {
    return { field: 'durationMinutes', reason: `durationMinutes must be 1..${MAX_WEEKLY_DURATION_MINUTES}` };
  }
  return null;
}

export function scheduleOfSlot(slot: WeeklySlot, timeZone: string): WeeklyDropSchedule {
  const end = slot.startMinute + slot.durationMinutes;
  return {
    opensWeekday: slot.weekday,
    opensAtMinute: slot.startMinute,
    closesWeekday: (slot.weekday + Math.floor(end / DAY_MINUTES)) % 7,
    closesAtMinute: end % DAY_MINUTES,
    timeZone,
  };
}

/** The longest priority purchase of any tier: before this, nobody may buy. */
export function maxEarlyMinutes(earlyAccess: EarlyAccess): number {
  return Math.max(0, ...Object.values(earlyAccess).map((m) => m ?? 0));
}

/** The first instant anyone (the earliest tier) may buy. */
export function firstOpeningOf(opensAt: Date, earlyAccess: EarlyAccess): Date {
  return new Date(opensAt.getTime() - maxEarlyMinutes(earlyAccess) * 60_000);
}

/**
 * The next `count` windows of a schedule whose first opening (priority purchase included) is after `now`: what a
 * newly scheduled weekly drop may still announce. A window already open (or open to gold members) is skipped.
 */
export function upcomingWindows(
  schedule: WeeklyDropSchedule,
  now: Date,
  count: number,
  earlyAccess: EarlyAccess = {},
): DropWindow[] {
  const windows: DropWindow[] = [];
  let from = now;
  while (windows.length < count) {
    const window = currentOrNextWindow(schedule, from);
    if (firstOpeningOf(window.opensAt, earlyAccess).getTime() > now.getTime()) windows.push(window);
    from = window.closesAt;
  }
  return windows;
}

/** Priority purchase as the console offers it: nobody, silver and gold, or gold only, some minutes early. */
export type EarlyAccessChoice = 'NONE' | 'SILVER_UP' | 'GOLD_ONLY';

export function earlyAccessOf(choice: EarlyAccessChoice, minutes: number): EarlyAccess {
  switch (choice) {
    case 'NONE':
      return {};
    case 'SILVER_UP':
      return { SILVER: minutes, GOLD: minutes };
    case 'GOLD_ONLY':
      return { GOLD: minutes };
  }
}

/** The choice an existing setting reads as (a setting with different minutes per tier reads by gold's). */
export function earlyAccessChoiceOf(earlyAccess: EarlyAccess): { choice: EarlyAccessChoice; minutes: number } {
  const gold = earlyAccess.GOLD ?? 0;
  const silver = earlyAccess.SILVER ?? 0;
  if (silver > 0) return { choice: 'SILVER_UP', minutes: Math.max(silver, gold) };
  if (gold > 0) return { choice: 'GOLD_ONLY', minutes: gold };
  return { choice: 'NONE', minutes: 0 };
}

/** A drop as the console files it: 未开始 / 进行中 / 已结束 / 已取消. Open means the earliest tier may buy. */
export const DROP_STATES = ['UPCOMING', 'OPEN', 'ENDED', 'CANCELLED'] as const;
export type DropState = (typeof DROP_STATES)[number];
export const DROP_STATE_LABELS: Record<DropState, string> = {
  UPCOMING: '未开始',
  OPEN: '进行中',
  ENDED: '已结束',
  CANCELLED: '已取消',
};

export function dropStateAt(
  drop: { cancelled: boolean; opensAt: Date; closesAt: Date; earlyAccess: EarlyAccess },
  now: Date,
): DropState {
  if (drop.cancelled) return 'CANCELLED';
  if (now.getTime() >= drop.closesAt.getTime()) return 'ENDED';
  return now.getTime() >= firstOpeningOf(drop.opensAt, drop.earlyAccess).getTime() ? 'OPEN' : 'UPCOMING';
}
