/** Days per month for a month-day birthday (02-29 allowed: it is celebrated on 02-28 in common years). */
export const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** "MM-DD" for zero-based picker indexes, the day clamped to the month. */
export function toMonthDay(monthIndex: number, dayIndex: number): string {
  const month = Math.min(11, Math.max(0, monthIndex));
  const day = Math.min(DAYS_IN_MONTH[month] - 1, Math.max(0, dayIndex));
  return `${String(month + 1).padStart(2, '0')}-${String(day + 1).padStart(2, '0')}`;
}

/** Picker indexes for "MM-DD" (January 1st when missing or malformed). */
export function fromMonthDay(value: string | null | undefined): [number, number] {
  const match = /^(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!match) return [0, 0];
  const month = Math.min(12, Math.max(1, Number(match[1]))) - 1;
  const day = Math.min(DAYS_IN_MONTH[month], Math.max(1, Number(match[2]))) - 1;
  return [month, day];
}
