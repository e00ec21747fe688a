import type { EntityManager } from 'typeorm';

/**
 * Runs SQL with named parameters (`:name`) through the driver's own escaping, so that a Date is bound as each
 * database stores it (SQLite: a UTC text timestamp; MySQL: a DATETIME), for set-based reads the query builder
 * cannot express (derived tables).
 */
export function rawQuery(
  manager: EntityManager,
  sql: string,
  parameters: Record<string, unknown>,
): Promise<Record<string, unknown>[]> {
  const [query, bound] = manager.connection.driver.escapeQueryWithParameters(sql, parameters, {});
  return manager.query<Record<string, unknown>[]>(query, bound);
}

/**
 * A UTC instant as a raw row gives it back: a Date from MySQL (the pool's zone is UTC), or SQLite's UTC text
 * ('2026-12-03 02:00:00.000').
 */
export function rawInstant(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string') {
    const iso = value.includes('T') ? value : value.replace(' ', 'T');
    return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
  }
  throw new Error(`not a stored instant: ${String(value)}`);
}
