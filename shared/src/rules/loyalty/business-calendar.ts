/**
 * The local calendar of a store: weekday, month-day and date in its IANA time zone. Stored times are UTC; the
 * Wednesday member day, birthdays and the Friday drop are decided here, in the store's zone, never the server's.
 * Uses Intl (full ICU on Node); the mini program asks the server rather than trusting the phone's clock and zone.
 */
export interface LocalCalendar {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** MM-DD in the zone (birthdays). */
  monthDay: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  year: number;
  hour: number;
  minute: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function localCalendar(instant: Date, timeZone: string): LocalCalendar {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const monthDay = `${parts.month}-${parts.day}`;
  return {
    date: `${parts.year}-${monthDay}`,
    monthDay,
    weekday: WEEKDAYS[parts.weekday],
    year: Number(parts.year),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The UTC instant of a wall-clock time in a zone (e.g. Friday 12:00 in Asia/Shanghai). Found by correcting a guess
 * with the zone's offset; repeated so it settles across a daylight-saving change. A wall time that does not exist
 * (skipped by DST) resolves to the instant an hour later, the usual convention.
 */
export function zonedWallTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const next = wall - zoneOffsetMs(new Date(guess), timeZone);
    if (next === guess) break;
    guess = next;
  }
  return new Date(guess);
}

/** The zone's offset from UTC at an instant, in ms (local wall time minus UTC), to the minute. */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const local = localCalendar(instant, timeZone);
  const [y, m, d] = local.date.split('-').map(Number);
  const wall = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, local.hour, local.minute);
  return wall - Math.floor(instant.getTime() / 60_000) * 60_000;
}
