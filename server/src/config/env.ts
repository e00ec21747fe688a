import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The process environment, read once at boot and validated. A bad value stops the boot with a message naming
 * the variable, so a typo in production fails loudly instead of running with a surprise default.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'mysql'; url: string; poolSize: number };
  /** Start the clock at this instant (it then runs normally). */
  startAt: Date | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Folder of the H5 build served at `/`; null when it does not exist (API-only). */
  h5Dir: string;
  seedDemo: boolean;
  auth: {
    /** HMAC-SHA256 key for bearer tokens; a fixed development default outside production. */
    tokenSecret: string;
    tokenTtlSeconds: number;
  };
  wechat: WechatConfig;
  wechatPay: WechatPayConfig;
  /** Member-code scans one cashier may make per minute before 429 (a till scans one shopper at a time). */
  storeScansPerMinute: number;
  /** Run scheduled jobs (birthday coupons, expiry, reconciliation) on this replica; off in tests. */
  jobsEnabled: boolean;
  /** How long an unpaid order holds its stock (and WeChat Pay's time_expire), in seconds. */
  orderPaymentWindowSeconds: number;
}

/** `dev` answers `dev-…` codes locally (demo, tests); `http` talks to WeChat (or a fake speaking its wire format). */
export type WechatConfig = { gateway: 'dev' } | { gateway: 'http'; apiBase: string; appId: string; secret: string };

/**
 * WeChat Pay v3. `sim` (the default outside production) pays against the local simulator, which makes its own keys
 * under DATA_DIR/wechatpay-sim/ and is refused in production; `http` talks to WeChat Pay with the merchant's
 * credentials (required in production). Key material is held as PEM text, read and parsed once here.
 */
export type WechatPayConfig = WechatPaySimConfig | WechatPayHttpConfig;

interface WechatPayCommonConfig {
  mchId: string;
  /** The mini program's appid, which WeChat Pay checks against the merchant and puts in requestPayment. */
  appId: string;
  /** Origin (plus optional path) WeChat Pay posts notifications to; orders build their notify URLs on it. */
  notifyBase: string;
}

export interface WechatPaySimConfig extends WechatPayCommonConfig {
  gateway: 'sim';
  /** Delays between notification attempts after the first (which goes at once); WeChat's schedule by default. */
  retryScheduleMs: number[];
  /** How long a refund stays PROCESSING before the simulator settles it; null = only when a test settles it. */
  refundSettleMs: number | null;
}

export interface WechatPayHttpConfig extends WechatPayCommonConfig {
  gateway: 'http';
  apiBase: string;
  /** Serial number of the merchant API certificate (names the key requests are signed with). */
  merchantSerial: string;
  merchantPrivateKeyPem: string;
  /** Decrypts notification resources (AEAD_AES_256_GCM); exactly 32 bytes. */
  apiV3Key: string;
  /** WeChat Pay platform certificates (several while WeChat rotates them); each selected by its serial. */
  platformCertificatePems: string[];
  /** The WeChat Pay public key and its id (`PUB_KEY_ID_…`); configured beside certificates during the migration. */
  publicKey: { id: string; pem: string } | null;
}

/** WeChat Pay's notification retry pattern: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h (about 24 h). */
export const WECHATPAY_RETRY_SCHEDULE = '15s,15s,30s,3m,10m,20m,30m,30m,30m,60m,3h,3h,3h,6h,6h';
export const WECHATPAY_SIM_MCHID = '1900000109';
export const WECHATPAY_SIM_APPID = 'wx0000000000000000';

/** Only for development and tests: production refuses to boot without its own AUTH_TOKEN_SECRET. */
export const DEV_AUTH_TOKEN_SECRET = 'tidepool-development-token-secret-not-for-production';
const MIN_SECRET_LENGTH = 32;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  // `secret` values are never echoed back: a boot error message may end up in a log.
  const read = <T>(name: string, parse: (raw: string) => T, fallback: T, secret = false): T => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    try {
      return parse(raw.trim());
    } catch (error) {
      const got = secret ? `${raw.trim().length} characters` : `"${raw}"`;
      problems.push(`${name} ${(error as Error).message} (got ${got})`);
      return fallback;
    }
  };

  const nodeEnv = read('NODE_ENV', oneOf(['development', 'production', 'test'] as const), 'development');
  const host = read('HOST', (v) => v, '0.0.0.0');
  const port = read('PORT', integer(1, 65535), 3000);
  const dataDir = path.resolve(read('DATA_DIR', (v) => v, './data'));
  const databaseUrl = read('DATABASE_URL', mysqlUrl, null);
  const poolSize = read('DB_POOL_SIZE', integer(1, 500), 10);
  const startAt = read('TIDEPOOL_NOW', isoInstant, null);
  const logLevel = read(
    'LOG_LEVEL',
    oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
    'info',
  );
  const h5Dir = path.resolve(read('H5_DIR', (v) => v, path.join(__dirname, '..', '..', '..', 'miniapp', 'dist', 'h5')));
  const seedDemo = read('SEED_DEMO', boolean, true);
  const tokenSecret = read('AUTH_TOKEN_SECRET', minLength(MIN_SECRET_LENGTH), null, true);
  if (nodeEnv === 'production' && !env.AUTH_TOKEN_SECRET?.trim()) {
    problems.push(`AUTH_TOKEN_SECRET is required when NODE_ENV=production (at least ${MIN_SECRET_LENGTH} characters)`);
  }
  const tokenTtlSeconds = read('AUTH_TOKEN_TTL_SECONDS', integer(60, 90 * 24 * 3600), 7 * 24 * 3600);
  const wechatGateway = read('WECHAT_GATEWAY', oneOf(['dev', 'http'] as const), 'dev');
  const wechatApiBase = read('WECHAT_API_BASE', httpUrl, 'https://api.weixin.qq.com');
  const wechatAppId = read('WECHAT_APPID', (v) => v, '');
  const wechatSecret = read('WECHAT_SECRET', (v) => v, '', true);
  if (wechatGateway === 'http') {
    for (const [name, value] of [
      ['WECHAT_APPID', wechatAppId],
      ['WECHAT_SECRET', wechatSecret],
    ] as const) {
      if (!value) problems.push(`${name} is required when WECHAT_GATEWAY=http`);
    }
  }

  const orderPaymentWindowSeconds = read('ORDER_PAYMENT_WINDOW_SECONDS', integer(60, 24 * 3600), 15 * 60);
  const wechatPay = readWechatPay(env, read, problems, { nodeEnv, port, wechatAppId });

  const jobsEnabled = read('JOBS_ENABLED', boolean, nodeEnv !== 'test');
  const storeScansPerMinute = read('STORE_SCANS_PER_MINUTE', integer(1, 100_000), 30);

  if (problems.length > 0) {
    throw new ConfigError(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
  }
  return {
    nodeEnv,
    host,
    port,
    dataDir,
    database: databaseUrl
      ? { kind: 'mysql', url: databaseUrl, poolSize }
      : { kind: 'sqlite', file: path.join(dataDir, 'tidepool.sqlite') },
    startAt,
    logLevel,
    h5Dir,
    seedDemo,
    auth: { tokenSecret: tokenSecret ?? DEV_AUTH_TOKEN_SECRET, tokenTtlSeconds },
    wechat:
      wechatGateway === 'http'
        ? { gateway: 'http', apiBase: wechatApiBase, appId: wechatAppId, secret: wechatSecret }
        : { gateway: 'dev' },
    wechatPay,
    storeScansPerMinute,
    jobsEnabled,
    orderPaymentWindowSeconds,
  };
}

type Reader = <T>(name: string, parse: (raw: string) => T, fallback: T, secret?: boolean) => T;

function readWechatPay(
  env: Env,
  read: Reader,
  problems: string[],
  context: { nodeEnv: AppConfig['nodeEnv']; port: number; wechatAppId: string },
): WechatPayConfig {
  const production = context.nodeEnv === 'production';
  const gateway = read('WECHATPAY_GATEWAY', oneOf(['sim', 'http'] as const), production ? 'http' : 'sim');
  if (production && gateway === 'sim') {
    problems.push('WECHATPAY_GATEWAY=sim is not allowed when NODE_ENV=production (the simulator pays for free)');
  }
  const notifyBase = read('WECHATPAY_NOTIFY_BASE', httpUrl, production ? '' : `http://127.0.0.1:${context.port}`);
  if (production && !env.WECHATPAY_NOTIFY_BASE?.trim()) {
    problems.push('WECHATPAY_NOTIFY_BASE is required when NODE_ENV=production (the public https origin)');
  } else if (production && notifyBase && !notifyBase.startsWith('https://')) {
    problems.push(
      'WECHATPAY_NOTIFY_BASE must be an https URL when NODE_ENV=production (WeChat Pay posts only to https)',
    );
  }
  const mchId = read('WECHATPAY_MCHID', matching(/^\d{6,32}$/, 'digits, e.g. 1900000109'), '');
  const appId = read('WECHATPAY_APPID', matching(/^wx[0-9A-Za-z]{6,30}$/, 'an appid such as wx…'), '');

  if (gateway === 'sim') {
    return {
      gateway,
      mchId: mchId || WECHATPAY_SIM_MCHID,
      appId: appId || context.wechatAppId || WECHATPAY_SIM_APPID,
      notifyBase,
      retryScheduleMs: read('WECHATPAY_SIM_RETRY_SCHEDULE', durations, parseDurations(WECHATPAY_RETRY_SCHEDULE)),
      refundSettleMs: read('WECHATPAY_SIM_REFUND_SETTLE', (raw) => (raw === 'manual' ? null : duration(raw)), 2000),
    };
  }

  const apiBase = read('WECHATPAY_API_BASE', httpUrl, 'https://api.mch.weixin.qq.com');
  const merchantSerial = read('WECHATPAY_MERCHANT_SERIAL', serialNumber, '');
  const merchantPrivateKeyPem = read('WECHATPAY_MERCHANT_PRIVATE_KEY', pemOrFile(rsaPrivateKey), '', true);
  const apiV3Key = read('WECHATPAY_APIV3_KEY', apiV3, '', true);
  const platformCertificatePems = read('WECHATPAY_PLATFORM_CERT', pemOrFile(certificates), []);
  const publicKeyPem = read('WECHATPAY_PUBLIC_KEY', pemOrFile(rsaPublicKey), '');
  const publicKeyId = read('WECHATPAY_PUBLIC_KEY_ID', matching(/^PUB_KEY_ID_[0-9A-Za-z]+$/, 'PUB_KEY_ID_…'), '');
  const required: [string, unknown][] = [
    ['WECHATPAY_MCHID', mchId || env.WECHATPAY_MCHID?.trim()],
    ['WECHATPAY_APPID', appId || env.WECHATPAY_APPID?.trim()],
    ['WECHATPAY_MERCHANT_SERIAL', merchantSerial || env.WECHATPAY_MERCHANT_SERIAL?.trim()],
    ['WECHATPAY_MERCHANT_PRIVATE_KEY', merchantPrivateKeyPem || env.WECHATPAY_MERCHANT_PRIVATE_KEY?.trim()],
    ['WECHATPAY_APIV3_KEY', apiV3Key || env.WECHATPAY_APIV3_KEY?.trim()],
  ];
  for (const [name, value] of required) {
    if (!value) problems.push(`${name} is required when WECHATPAY_GATEWAY=http`);
  }
  const hasPublicKey = Boolean(env.WECHATPAY_PUBLIC_KEY?.trim());
  const hasPublicKeyId = Boolean(env.WECHATPAY_PUBLIC_KEY_ID?.trim());
  if (hasPublicKey !== hasPublicKeyId) {
    problems.push('WECHATPAY_PUBLIC_KEY and WECHATPAY_PUBLIC_KEY_ID go together (set both or neither)');
  }
  if (!env.WECHATPAY_PLATFORM_CERT?.trim() && !hasPublicKey) {
    problems.push(
      'WECHATPAY_PLATFORM_CERT or WECHATPAY_PUBLIC_KEY (with WECHATPAY_PUBLIC_KEY_ID) is required when WECHATPAY_GATEWAY=http, to verify WeChat Pay',
    );
  }
  return {
    gateway,
    apiBase,
    mchId,
    appId,
    notifyBase,
    merchantSerial,
    merchantPrivateKeyPem,
    apiV3Key,
    platformCertificatePems,
    publicKey: publicKeyPem && publicKeyId ? { id: publicKeyId, pem: publicKeyPem } : null,
  };
}

function matching(pattern: RegExp, hint: string) {
  return (raw: string): string => {
    if (!pattern.test(raw)) throw new Error(`must be ${hint}`);
    return raw;
  };
}

function serialNumber(raw: string): string {
  if (!/^[0-9A-Fa-f]{8,64}$/.test(raw)) throw new Error('must be the hexadecimal serial number of a certificate');
  return raw.toUpperCase();
}

function apiV3(raw: string): string {
  if (Buffer.byteLength(raw, 'utf8') !== 32) throw new Error('must be exactly 32 bytes');
  return raw;
}

/** PEM text (with real or `\n`-escaped line breaks), or the path of a PEM file; checked by `check`. */
function pemOrFile<T>(check: (pem: string) => T) {
  return (raw: string): T => {
    let pem: string;
    if (raw.includes('-----BEGIN')) {
      pem = raw.replace(/\\n/g, '\n');
    } else {
      try {
        pem = fs.readFileSync(raw, 'utf8');
      } catch {
        throw new Error('must be PEM text or the path of a readable PEM file');
      }
    }
    return check(pem);
  };
}

function rsaPrivateKey(pem: string): string {
  let type: string | undefined;
  try {
    type = createPrivateKey(pem).asymmetricKeyType;
  } catch {
    throw new Error('must be a PEM private key (apiclient_key.pem)');
  }
  if (type !== 'rsa') throw new Error('must be an RSA private key');
  return pem;
}

function rsaPublicKey(pem: string): string {
  let type: string | undefined;
  try {
    type = createPublicKey(pem).asymmetricKeyType;
  } catch {
    throw new Error('must be a PEM public key (pub_key.pem)');
  }
  if (type !== 'rsa') throw new Error('must be an RSA public key');
  return pem;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function certificates(pem: string): string[] {
  const found = pem.match(PEM_CERTIFICATE) ?? [];
  if (found.length === 0) throw new Error('must hold at least one PEM certificate');
  for (const cert of found) {
    try {
      new X509Certificate(cert);
    } catch {
      throw new Error('holds a certificate that cannot be parsed');
    }
  }
  return found;
}

const DURATION = /^(\d+)(ms|s|m|h)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

function duration(raw: string): number {
  const match = DURATION.exec(raw.trim());
  if (!match) throw new Error('must be a duration such as 500ms, 15s, 3m or 6h');
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (ms > 7 * 24 * 3_600_000) throw new Error('must be at most 7 days');
  return ms;
}

function parseDurations(raw: string): number[] {
  return raw.split(',').map(duration);
}

function durations(raw: string): number[] {
  const list = parseDurations(raw);
  if (list.length > 50) throw new Error('must list at most 50 delays');
  return list;
}

function oneOf<T extends string>(values: readonly T[]) {
  return (raw: string): T => {
    if (!(values as readonly string[]).includes(raw)) throw new Error(`must be one of ${values.join(', ')}`);
    return raw as T;
  };
}

function integer(min: number, max: number) {
  return (raw: string): number => {
    if (!/^\d+$/.test(raw)) throw new Error(`must be an integer between ${min} and ${max}`);
    const n = Number(raw);
    if (n < min || n > max) throw new Error(`must be an integer between ${min} and ${max}`);
    return n;
  };
}

function minLength(min: number) {
  return (raw: string): string => {
    if (raw.length < min) throw new Error(`must be at least ${min} characters`);
    return raw;
  };
}

function httpUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('must be an http(s) URL such as https://api.weixin.qq.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('must be an http(s) URL');
  return raw.replace(/\/+$/, '');
}

function boolean(raw: string): boolean {
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error('must be true or false');
}

function mysqlUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('must be a URL such as mysql://user:password@host:3306/database');
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new Error('must start with mysql:// (unset it to use the embedded SQLite database)');
  }
  if (url.pathname.length <= 1) throw new Error('must name a database, e.g. mysql://root@127.0.0.1:3306/tidepool');
  return raw;
}

function isoInstant(raw: string): Date {
  const date = new Date(raw);
  if (!ISO_WITH_OFFSET.test(raw) || Number.isNaN(date.getTime())) {
    throw new Error('must be an ISO 8601 time with an offset, e.g. 2026-11-25T10:00:00+08:00');
  }
  return date;
}
