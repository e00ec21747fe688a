/** A calendar day in the brand's zone and its half-open UTC range. */
export interface DayBucket {
  day: string;
  from: Date;
  to: Date;
}

/**
 * A portable SQL expression numbering the day bucket a timestamp falls in (0 = the first day), with its
 * parameters. Days are computed in TypeScript in the brand's zone and compared as UTC instants, so SQLite and
 * MariaDB agree and no database time-zone function is needed. Rows outside every bucket get NULL; callers also
 * filter `column >= first.from AND column < last.to` so an index on the column does the work.
 */
export function dayBucketSql(
  column: string,
  days: readonly DayBucket[],
  prefix = 'dayEnd',
): { expression: string; params: Record<string, Date> } {
  const params: Record<string, Date> = {};
  const whens = days.map((bucket, index) => {
    params[`${prefix}${index}`] = bucket.to;
    return `WHEN ${column} < :${prefix}${index} THEN ${index}`;
  });
  return { expression: `CASE ${whens.join(' ')} ELSE NULL END`, params };
}

/** One grouped row of a figures query, numbers as the driver answered them (MariaDB sends sums as strings). */
export type RawFigures = Record<string, string | number | null>;

export const toNumber = (value: string | number | null | undefined): number =>
  value === null ? 0 : Number(value ?? 0);
