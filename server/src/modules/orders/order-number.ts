import { randomInt } from 'node:crypto';
import { localCalendar } from '@tidepool/shared';

/**
 * 20 digits: the store-zone wall time yyyyMMddHHmmss + 6 random digits, ≤ 32 for WeChat Pay's out_trade_no.
 * A shopper and the store read the date in the number as the day they ordered (an order placed at 01:30 in
 * Shanghai is dated that day, not the previous UTC day). The unique index catches the rare clash.
 */
export function newOrderNo(now: Date, timeZone: string): string {
  const local = localCalendar(now, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  // Seconds are the same in every zone the brand could be in (whole-minute offsets).
  const stamp = `${local.date.replace(/-/g, '')}${two(local.hour)}${two(local.minute)}${two(now.getUTCSeconds())}`;
  return `${stamp}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

/** A fresh 12-digit pickup code from the CSPRNG; uniqueness is the database's (unique index). */
export function newOrderPickupCode(): string {
  return `${String(randomInt(0, 1_000_000)).padStart(6, '0')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}
