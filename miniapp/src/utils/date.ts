import {
  DEFAULT_STORE_TIME_ZONE,
  formatDate as formatDateIn,
  formatDateTime as formatDateTimeIn,
  formatEnd as formatEndIn,
  formatRange as formatRangeIn,
  formatTime as formatTimeIn,
  type Instant,
  isDisplayableTimeZone,
} from '@tidepool/shared';

/**
 * Every date and time a person reads, in the store's zone (never the phone's) and in one shape, made by the one
 * formatter in shared/ (time/format.ts): `2026-12-02`, `10:01`, `2026-12-02 10:01`, `2026-12-02 至 2027-01-01`.
 * The zone is the brand's (Asia/Shanghai for the demo) until the server names another (GET /api/time).
 */
let zone: string = DEFAULT_STORE_TIME_ZONE;

export function storeTimeZone(): string {
  return zone;
}

/** Adopts the zone the server names; an unknown name is ignored (the previous zone stays). */
export function setStoreTimeZone(timeZone: string | null | undefined): void {
  if (typeof timeZone !== 'string' || !isDisplayableTimeZone(timeZone)) return;
  zone = timeZone;
}

/** "2026-11-04" in the store's zone; '' for a missing or invalid value. */
export function formatDate(value: Instant): string {
  return formatDateIn(value, zone);
}

/** "14:05" in the store's zone. */
export function formatTime(value: Instant): string {
  return formatTimeIn(value, zone);
}

/** "2026-11-04 14:05" in the store's zone. */
export function formatDateTime(value: Instant): string {
  return formatDateTimeIn(value, zone);
}

/** "2026-12-02 至 2027-01-01" (whole days, exclusive end) or "2026-12-02 10:01 至 2027-01-01 10:01". */
export function formatRange(from: Instant, until: Instant): string {
  return formatRangeIn(from, until, zone);
}

/** The last moment of an exclusive end: "2026-12-01" for a midnight end, else "2026-12-02 10:01". */
export function formatEnd(until: Instant): string {
  return formatEndIn(until, zone);
}

/** A member's birthday (MM-DD) as people say it: "5月20日"; '' when not set or malformed. */
export function formatBirthday(birthday: string | null | undefined): string {
  const match = /^(\d{2})-(\d{2})$/.exec(birthday ?? '');
  return match ? `${Number(match[1])}月${Number(match[2])}日` : '';
}
