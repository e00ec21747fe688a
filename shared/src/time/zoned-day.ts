import { wallClock } from './format';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The instant a calendar day ('YYYY-MM-DD') begins in a zone: what a date filter picked by a person means.
 * Two passes of "guess, read the wall clock back, correct by the difference" settle on the right offset even on
 * a day whose offset changes (daylight saving elsewhere; China has none).
 */
export function zonedDayStart(day: string, timeZone: string): Date {
  const match = DATE.exec(day);
  if (!match) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  const target = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  let guess = target;
  for (let pass = 0; pass < 2; pass += 1) {
    const wall = wallClock(guess, timeZone);
    if (!wall) break;
    const wallMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
    guess += target - wallMs;
  }
  return new Date(guess);
}

/** The half-open UTC range [from, to) covering the days `firstDay`..`lastDay` in a zone. */
export function zonedDayRange(firstDay: string, lastDay: string, timeZone: string): { from: Date; to: Date } {
  const from = zonedDayStart(firstDay, timeZone);
  const last = DATE.exec(lastDay);
  if (!last) throw new RangeError(`not a YYYY-MM-DD day: ${lastDay}`);
  const next = new Date(Date.UTC(Number(last[1]), Number(last[2]) - 1, Number(last[3]) + 1));
  return { from, to: zonedDayStart(next.toISOString().slice(0, 10), timeZone) };
}

/**
 * The last `count` calendar days in a zone ending with the day `now` falls on, oldest first, each with its
 * half-open UTC range: the buckets a dashboard counts by (an order at 23:30 Shanghai time belongs to that
 * Shanghai day, whatever the server's zone).
 */
export function lastZonedDays(now: Date, count: number, timeZone: string): { day: string; from: Date; to: Date }[] {
  const wall = wallClock(now, timeZone);
  const today = wall
    ? Date.UTC(wall.year, wall.month - 1, wall.day)
    : Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days: { day: string; from: Date; to: Date }[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const day = new Date(today - back * 86_400_000).toISOString().slice(0, 10);
    days.push({ day, ...zonedDayRange(day, day, timeZone) });
  }
  return days;
}
