import { isIP } from 'node:net';

/** Parsers for environment variables: each returns the value or throws a message that names what was expected. */

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export type Env = Record<string, string | undefined>;

export type Reader = <T>(name: string, parse: (raw: string) => T, fallback: T, secret?: boolean) => T;

export function oneOf<T extends string>(values: readonly T[]) {
  return (raw: string): T => {
    if (!(values as readonly string[]).includes(raw)) throw new Error(`must be one of ${values.join(', ')}`);
    return raw as T;
  };
}

export function integer(min: number, max: number) {
  return (raw: string): number => {
    if (!/^\d+$/.test(raw)) throw new Error(`must be an integer between ${min} and ${max}`);
    const n = Number(raw);
    if (n < min || n > max) throw new Error(`must be an integer between ${min} and ${max}`);
    return n;
  };
}

export function minLength(min: number) {
  return (raw: string): string => {
    if (raw.length < min) throw new Error(`must be at least ${min} characters`);
    return raw;
  };
}

export function httpUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('must be an http(s) URL such as https://api.weixin.qq.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('must be an http(s) URL');
  return raw.replace(/\/+$/, '');
}

export function boolean(raw: string): boolean {
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error('must be true or false');
}

/** Parses `raw` as a URL of one of `protocols`, or fails with a message showing an `example`. */
function urlOf(raw: string, protocols: readonly string[], example: string, otherwise: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`must be a URL such as ${example}`);
  }
  if (!protocols.includes(url.protocol)) throw new Error(`must start with ${protocols[0]}// (${otherwise})`);
  return url;
}

export function mysqlUrl(raw: string): string {
  const url = urlOf(
    raw,
    ['mysql:', 'mariadb:'],
    'mysql://user:password@host:3306/database',
    'unset it to use the embedded SQLite database',
  );
  if (url.pathname.length <= 1) throw new Error('must name a database, e.g. mysql://root@127.0.0.1:3306/tidepool');
  return raw;
}

export function redisUrl(raw: string): string {
  urlOf(
    raw,
    ['redis:', 'rediss:'],
    'redis://127.0.0.1:6379 or rediss://:password@host:6380/0',
    'or rediss://; unset it to keep rate limits in this process',
  );
  return raw;
}

export function isoInstant(raw: string): Date {
  const date = new Date(raw);
  if (!ISO_WITH_OFFSET.test(raw) || Number.isNaN(date.getTime())) {
    throw new Error('must be an ISO 8601 time with an offset, e.g. 2026-11-25T10:00:00+08:00');
  }
  return date;
}

/**
 * A comma-separated list of IP addresses and CIDR ranges (`10.0.0.5, 10.1.0.0/16, ::1`); empty entries are
 * dropped. Host names are refused: a proxy is trusted by the address the connection comes from.
 */
export function addressList(raw: string): string[] {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const version = isIP(address ?? '');
    const maxPrefix = version === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (version === 0 || !prefixOk || extra !== undefined) {
      throw new Error(`must be comma-separated IP addresses or CIDR ranges, e.g. 10.0.0.5,10.1.0.0/16 ("${entry}")`);
    }
  }
  return entries;
}
