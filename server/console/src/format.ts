import { formatDate, formatDateTime, formatFen, zonedDayRange, type Fen } from '@tidepool/shared';
import type { Dayjs } from 'dayjs';

/** ¥12.30 from fen (the API's integer amounts); "—" for a missing amount. */
export function yuan(amount: Fen | number | null | undefined): string {
  return amount === null || amount === undefined ? '—' : formatFen(amount as Fen);
}

/** A UTC instant as the brand's wall-clock date and time ("2026-12-03 09:30"). */
export function dateTime(value: string | null | undefined, timeZone: string): string {
  return value ? formatDateTime(value, timeZone) : '—';
}

export function date(value: string | null | undefined, timeZone: string): string {
  return value ? formatDate(value, timeZone) : '—';
}

/**
 * A ProTable `dateRange` filter (two 'YYYY-MM-DD' strings or dayjs values, days in the brand's zone) as the
 * half-open instant range `from`/`to` every admin list accepts.
 */
export function dayRangeQuery(range: unknown, timeZone: string): { from?: string; to?: string } {
  if (!Array.isArray(range) || range.length !== 2) return {};
  const [first, last] = (range as (Dayjs | string)[]).map((d) =>
    typeof d === 'string' ? d.slice(0, 10) : d.format('YYYY-MM-DD'),
  );
  const { from, to } = zonedDayRange(first, last, timeZone);
  return { from: from.toISOString(), to: to.toISOString() };
}
