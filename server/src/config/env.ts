import * as path from 'node:path';
import {
  addressList,
  boolean,
  type Env,
  httpUrl,
  integer,
  isoInstant,
  minLength,
  mysqlUrl,
  oneOf,
  redisUrl,
} from './env-parsers';
import { readWechatPay, type WechatPayConfig } from './wechatpay-env';
import { type DistributionConfig, readDistribution } from './distribution-env';
import { readBrand } from './brand-env';
import type { BrandRules } from '@tidepool/shared';

export * from './wechatpay-env';
export * from './distribution-env';

/**
 * The process environment, read once at boot and validated. A bad value stops the boot with a message naming
 * the variable, so a typo in production fails loudly instead of running with a surprise default.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /**
   * The reverse proxies whose X-Forwarded-For / -Proto / -Host are believed (addresses or CIDR ranges). Empty:
   * none are, and the client is the address the connection comes from, so a client cannot pick its own address
   * (the staff-login limit is keyed on it).
   */
  trustedProxies: string[];
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'mysql'; url: string; poolSize: number };
  /** Start the clock at this instant (it then runs normally). */
  startAt: Date | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Folder of the H5 build served at `/`; null when it does not exist (API-only). */
  h5Dir: string;
  /** The operator console's build (server/console/dist), served at /console/ when present. */
  consoleDir: string;
  seedDemo: boolean;
  auth: {
    /** HMAC-SHA256 key for bearer tokens; a fixed development default outside production. */
    tokenSecret: string;
    tokenTtlSeconds: number;
  };
  wechat: WechatConfig;
  wechatPay: WechatPayConfig;
  /**
   * Where rate-limit counters live: this process's memory (the embedded default, one process), or Redis shared
   * by every process (REDIS_URL). Keys start with `keyPrefix` so one Redis can serve several deployments.
   */
  rateLimits: RateLimitsConfig;
  /** Member-code scans one cashier may make per minute before 429 (a till scans one shopper at a time). */
  storeScansPerMinute: number;
  /** Run scheduled jobs (birthday coupons, expiry, reconciliation) on this replica; off in tests. */
  jobsEnabled: boolean;
  /**
   * API worker processes `node dist/main.js` runs on one port (WORKERS, default 1). Above 1 it needs MySQL (the
   * embedded SQLite file belongs to one process) and Redis (rate limits must be one budget across the workers).
   */
  workers: number;
  /** How long an unpaid order holds its stock (and WeChat Pay's time_expire), in seconds. */
  orderPaymentWindowSeconds: number;
  /** The brand's rules (time zone, tiers, points, member day, windows); read them through `BrandSettings`. */
  brand: BrandRules;
  /** Distribution (分销): rates, protection, settlement, withdrawals and the transfer gateway. */
  distribution: DistributionConfig;
  drops: DropsConfig;
  /** Subscribe-message (订阅消息) templates the product sends; field mappings in docs/wechat-subscribe-messages.md. */
  subscribeTemplates: SubscribeTemplatesConfig;
}

export type RateLimitsConfig = { store: 'memory' } | { store: 'redis'; url: string; keyPrefix: string };

/** Template ids from the MP console (订阅消息 → 我的模板), one per message the product sends. */
export interface SubscribeTemplatesConfig {
  /** 团购开抢提醒 (sent now). */
  dropReminder: string;
  /** 订单发货通知 (later). */
  orderShipped: string;
  /** 退款结果通知 (later). */
  refundResult: string;
  /** 优惠券过期提醒 (later). */
  couponExpiring: string;
}

export interface DropsConfig {
  /** How long a process answers "sold out" from memory before reading the counters again (ms). */
  soldOutCacheMs: number;
  /** Buy attempts per drop item per process let through to the database at once; the rest wait in memory. */
  buyConcurrency: number;
  /** The subscribe-message template of the drop reminder (must be configured in the mini program admin). */
  reminderTemplateId: string;
}

/** `dev` answers `dev-…` codes locally (demo, tests); `http` talks to WeChat (or a fake speaking its wire format). */
export type WechatConfig = { gateway: 'dev' } | { gateway: 'http'; apiBase: string; appId: string; secret: string };

/** Only for development and tests: production refuses to boot without its own AUTH_TOKEN_SECRET. */
export const DEV_AUTH_TOKEN_SECRET = 'tidepool-development-token-secret-not-for-production';
const MIN_SECRET_LENGTH = 32;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

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
  const trustedProxies = read('TRUSTED_PROXIES', addressList, []);
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
  const consoleDir = path.resolve(read('CONSOLE_DIR', (v) => v, path.join(__dirname, '..', '..', 'console', 'dist')));
  // The demo brand ships a known operator password: it never loads into a production database.
  const seedDemo = read('SEED_DEMO', boolean, nodeEnv !== 'production');
  if (nodeEnv === 'production' && seedDemo) {
    problems.push(
      'SEED_DEMO=true is refused when NODE_ENV=production (the demo creates operator/tidepool123); create the brand with `pnpm setup:brand`',
    );
  }
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
  const brand = readBrand(read, problems);
  const wechatPay = readWechatPay(env, read, problems, { nodeEnv, port, wechatAppId });

  const subscribeTemplates: SubscribeTemplatesConfig = {
    dropReminder: read('WECHAT_DROP_REMINDER_TEMPLATE_ID', templateId, 'dev-drop-reminder'),
    orderShipped: read('WECHAT_ORDER_SHIPPED_TEMPLATE_ID', templateId, 'dev-order-shipped'),
    refundResult: read('WECHAT_REFUND_RESULT_TEMPLATE_ID', templateId, 'dev-refund-result'),
    couponExpiring: read('WECHAT_COUPON_EXPIRING_TEMPLATE_ID', templateId, 'dev-coupon-expiring'),
  };
  const drops: DropsConfig = {
    soldOutCacheMs: read('DROP_SOLD_OUT_CACHE_MS', integer(0, 60_000), 1000),
    buyConcurrency: read('DROP_BUY_CONCURRENCY', integer(1, 1000), 8),
    reminderTemplateId: subscribeTemplates.dropReminder,
  };
  const jobsEnabled = read('JOBS_ENABLED', boolean, nodeEnv !== 'test');
  // The URL may carry a password: never echoed in a boot error.
  const redis = read('REDIS_URL', redisUrl, null, true);
  const redisKeyPrefix = read('REDIS_KEY_PREFIX', redisKeyPrefixOf, 'tidepool:');
  const workers = read('WORKERS', integer(1, 64), 1);
  if (workers > 1 && !databaseUrl) {
    problems.push('WORKERS above 1 needs DATABASE_URL (MySQL): the embedded SQLite file belongs to one process');
  }
  if (workers > 1 && !redis) {
    problems.push('WORKERS above 1 needs REDIS_URL: every worker must count against the same rate limits');
  }
  const storeScansPerMinute = read('STORE_SCANS_PER_MINUTE', integer(1, 100_000), 30);

  const distribution = readDistribution(read, problems, { nodeEnv, wechatPayGateway: wechatPay.gateway });

  if (problems.length > 0) {
    throw new ConfigError(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
  }
  return {
    nodeEnv,
    host,
    port,
    trustedProxies,
    dataDir,
    database: databaseUrl
      ? { kind: 'mysql', url: databaseUrl, poolSize }
      : { kind: 'sqlite', file: path.join(dataDir, 'tidepool.sqlite') },
    startAt,
    logLevel,
    h5Dir,
    consoleDir,
    seedDemo,
    auth: { tokenSecret: tokenSecret ?? DEV_AUTH_TOKEN_SECRET, tokenTtlSeconds },
    wechat:
      wechatGateway === 'http'
        ? { gateway: 'http', apiBase: wechatApiBase, appId: wechatAppId, secret: wechatSecret }
        : { gateway: 'dev' },
    wechatPay,
    rateLimits: redis ? { store: 'redis', url: redis, keyPrefix: `${redisKeyPrefix}rl:` } : { store: 'memory' },
    storeScansPerMinute,
    jobsEnabled,
    workers,
    orderPaymentWindowSeconds,
    brand,
    drops,
    subscribeTemplates,
    distribution,
  };
}

function redisKeyPrefixOf(raw: string): string {
  if (!/^[A-Za-z0-9:_.-]{1,64}$/.test(raw)) throw new Error('must be 1-64 letters, digits, ":", "_", "." or "-"');
  return raw;
}

function templateId(raw: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(raw)) throw new Error('must be a subscribe-message template id');
  return raw;
}
