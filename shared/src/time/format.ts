/**
 * Dates and times as people read them: always in the store's zone (never the phone's, never the server's), always
 * in one shape — date `2026-12-02`, time `10:01`, date-time `2026-12-02 10:01`, range `2026-12-02 至 2027-01-01`.
 * Used by the mini program for everything it shows and by the server for text it writes.
 *
 * The wall clock comes from Intl when the runtime knows the zone, and from a fixed offset otherwise: WeChat's JS
 * engines may ship without time-zone data, and the brand's zones have had no daylight saving since 1991.
 */
export const DEFAULT_STORE_TIME_ZONE = 'Asia/Shanghai';

const FIXED_OFFSET_MINUTES: Record<string, number> = {
  'Asia/Shanghai': 480,
  'Asia/Chongqing': 480,
  'Asia/Hong_Kong': 480,
  'Asia/Macau': 480,
  'Asia/Taipei': 480,
  'Asia/Singapore': 480,
  UTC: 0,
  'Etc/UTC': 0,
};

export type Instant = string | number | Date | null | undefined;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function intlFor(timeZone: string): Intl.DateTimeFormat | null {
  if (formatters.has(timeZone)) return formatters.get(timeZone) ?? null;
  let formatter: Intl.DateTimeFormat | null = null;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    if (typeof formatter.formatToParts !== 'function') formatter = null;
  } catch {
    formatter = null;
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** The formatter can show this zone: the runtime knows it, or it is one of the fixed-offset zones above. */
export function isDisplayableTimeZone(timeZone: string): boolean {
  return intlFor(timeZone) !== null || timeZone in FIXED_OFFSET_MINUTES;
}

function toMs(value: Instant): number | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** The wall clock of an instant in a zone; null for a missing or invalid instant. */
export function wallClock(value: Instant, timeZone: string = DEFAULT_STORE_TIME_ZONE): WallClock | null {
  const ms = toMs(value);
  if (ms === null) return null;
  const intl = intlFor(timeZone);
  if (intl) {
    const parts: Record<string, number> = {};
    for (const part of intl.formatToParts(new Date(ms))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    return {
      year: parts.year,
      month: parts.month,
      day: parts.day,
      hour: parts.hour === 24 ? 0 : parts.hour,
      minute: parts.minute,
      second: parts.second,
    };
  }
  const offset = FIXED_OFFSET_MINUTES[timeZone] ?? FIXED_OFFSET_MINUTES[DEFAULT_STORE_TIME_ZONE];
  const d = new Date(ms + offset * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-02`; '' for a missing or invalid instant. */
export function formatDate(value: Instant, timeZone?: string): string {
  const w = wallClock(value, timeZone);
  return w ? `${w.year}-${pad(w.month)}-${pad(w.day)}` : '';
}

/** `10:01`; '' for a missing or invalid instant. */
export function formatTime(value: Instant, timeZone?: string): string {
  const w = wallClock(value, timeZone);
  return w ? `${pad(w.hour)}:${pad(w.minute)}` : '';
}

/** `2026-12-02 10:01`; '' for a missing or invalid instant. */
export function formatDateTime(value: Instant, timeZone?: string): string {
  const w = wallClock(value, timeZone);
  return w ? `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}` : '';
}

/** Local midnight exactly (00:00:00), where an exclusive end means "through the day before". */
function atMidnight(w: WallClock, ms: number): boolean {
  return w.hour === 0 && w.minute === 0 && w.second === 0 && ms % 1000 === 0;
}

/**
 * A validity or opening range, `2026-12-02 至 2027-01-01` when both ends fall on whole days, else
 * `2026-12-02 10:01 至 2027-01-01 10:01`. `until` is exclusive by default (a coupon valid until 2027-01-02 00:00
 * is valid through 2027-01-01); pass `inclusiveEnd` for an end that is itself the last moment.
 */
export function formatRange(
  from: Instant,
  until: Instant,
  timeZone?: string,
  options: { inclusiveEnd?: boolean } = {},
): string {
  const startMs = toMs(from);
  const endMs = toMs(until);
  if (startMs === null || endMs === null) return '';
  const start = wallClock(startMs, timeZone)!;
  const end = wallClock(endMs, timeZone)!;
  const wholeDays = atMidnight(start, startMs) && (options.inclusiveEnd ? true : atMidnight(end, endMs));
  if (wholeDays) {
    const last = options.inclusiveEnd ? endMs : endMs - 1;
    return `${formatDate(startMs, timeZone)} 至 ${formatDate(last, timeZone)}`;
  }
  return `${formatDateTime(startMs, timeZone)} 至 ${formatDateTime(endMs, timeZone)}`;
}

/**
 * The last moment something can be used, said once: an exclusive end at local midnight names the day before
 * (`2026-12-01`), any other end its date and time (`2026-12-02 10:01`).
 */
export function formatEnd(until: Instant, timeZone?: string): string {
  const ms = toMs(until);
  if (ms === null) return '';
  const w = wallClock(ms, timeZone)!;
  return atMidnight(w, ms) ? formatDate(ms - 1, timeZone) : formatDateTime(ms, timeZone);
}
