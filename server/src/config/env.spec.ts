import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../modules/payments/wechatpay/sim/self-signed-certificate';
import { ConfigError, DEV_AUTH_TOKEN_SECRET, loadConfig } from './env';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite database under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'sqlite', file: path.resolve('data', 'tidepool.sqlite') });
    expect(config.startAt).toBeNull();
    expect(config.seedDemo).toBe(true);
    expect(config.trustedProxies).toEqual([]);
  });

  it('reads TRUSTED_PROXIES as addresses and CIDR ranges', () => {
    expect(loadConfig({ TRUSTED_PROXIES: ' 10.0.0.5, 10.1.0.0/16,,::1 ' }).trustedProxies).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
    ]);
  });

  it('uses MySQL when DATABASE_URL is a mysql:// URL', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/tidepool', DB_POOL_SIZE: '20' });
    expect(config.database).toEqual({ kind: 'mysql', url: 'mysql://root@127.0.0.1:3306/tidepool', poolSize: 20 });
  });

  it('runs one worker by default; more only on MySQL with Redis', () => {
    expect(loadConfig({}).workers).toBe(1);
    const shared = { DATABASE_URL: 'mysql://root@127.0.0.1:3306/tidepool', REDIS_URL: 'redis://127.0.0.1:6379' };
    expect(loadConfig({ ...shared, WORKERS: '3' }).workers).toBe(3);
    expect(() => loadConfig({ WORKERS: '3', REDIS_URL: shared.REDIS_URL })).toThrow(
      /WORKERS above 1 needs DATABASE_URL/,
    );
    expect(() => loadConfig({ WORKERS: '3', DATABASE_URL: shared.DATABASE_URL })).toThrow(
      /WORKERS above 1 needs REDIS_URL/,
    );
    expect(() => loadConfig({ ...shared, WORKERS: '0' })).toThrow(/WORKERS/);
  });

  it('keeps rate limits in memory without REDIS_URL, and in Redis under the key prefix with it', () => {
    expect(loadConfig({}).rateLimits).toEqual({ store: 'memory' });
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).rateLimits).toEqual({
      store: 'redis',
      url: 'redis://127.0.0.1:6379/2',
      keyPrefix: 'tidepool:rl:',
    });
    expect(loadConfig({ REDIS_URL: 'rediss://h:6380', REDIS_KEY_PREFIX: 'staging:' }).rateLimits).toMatchObject({
      keyPrefix: 'staging:rl:',
    });
  });

  it('rejects a REDIS_URL that is not redis:// without echoing it (it may hold a password)', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://:s3cret@h' })).toThrow(/REDIS_URL must start with redis:\/\//);
    expect(() => loadConfig({ REDIS_URL: 'http://:s3cret@h' })).not.toThrow(/s3cret/);
    expect(() => loadConfig({ REDIS_KEY_PREFIX: 'has space' })).toThrow(/REDIS_KEY_PREFIX/);
  });

  it('starts the clock at TIDEPOOL_NOW', () => {
    expect(loadConfig({ TIDEPOOL_NOW: '2026-11-25T10:00:00+08:00' }).startAt?.toISOString()).toBe(
      '2026-11-25T02:00:00.000Z',
    );
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'postgres://localhost/x'],
    ['DATABASE_URL', 'mysql://localhost'],
    ['TIDEPOOL_NOW', '2026-11-25T10:00:00'],
    ['TIDEPOOL_NOW', 'next wednesday'],
    ['LOG_LEVEL', 'loud'],
    ['SEED_DEMO', 'maybe'],
    ['NODE_ENV', 'staging'],
    ['TRUSTED_PROXIES', 'true'],
    ['TRUSTED_PROXIES', 'proxy.internal'],
    ['TRUSTED_PROXIES', '10.0.0.0/33'],
    ['TRUSTED_PROXIES', '10.0.0.1,10.0.0.0/8/1'],
    ['BRAND_TIME_ZONE', 'Shanghai'],
    ['DISTRIBUTION_RETURN_WINDOW_DAYS', '-1'],
    ['ORDER_AUTO_CONFIRM_DAYS', '0'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name} .*got "${value}"`));
  });

  it("reads the brand's rules: the demo brand's, with the zone and the windows from the environment", () => {
    expect(loadConfig({}).brand).toMatchObject({
      timeZone: 'Asia/Shanghai',
      returnWindowDays: 7,
      orderAutoConfirmDays: 10,
      protectionDays: 15,
      orderProtectionDays: 30,
    });
    const brand = loadConfig({
      BRAND_TIME_ZONE: 'Asia/Hong_Kong',
      DISTRIBUTION_RETURN_WINDOW_DAYS: '14',
      ORDER_AUTO_CONFIRM_DAYS: '7',
      DISTRIBUTION_PROTECTION_DAYS: '20',
      DISTRIBUTION_ORDER_PROTECTION_DAYS: '40',
    }).brand;
    expect(brand).toMatchObject({
      timeZone: 'Asia/Hong_Kong',
      returnWindowDays: 14,
      orderAutoConfirmDays: 7,
      protectionDays: 20,
      orderProtectionDays: 40,
    });
  });

  it('reports every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });
});

describe('loadConfig: auth and WeChat', () => {
  const SECRET = 'x'.repeat(32);

  it('defaults to a development token secret, a 7-day TTL and the dev WeChat gateway', () => {
    const config = loadConfig({});
    expect(config.auth).toEqual({ tokenSecret: DEV_AUTH_TOKEN_SECRET, tokenTtlSeconds: 7 * 24 * 3600 });
    expect(config.wechat).toEqual({ gateway: 'dev' });
  });

  it('requires AUTH_TOKEN_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_TOKEN_SECRET is required/);
    expect(
      loadConfig({ ...productionWechatPay(), NODE_ENV: 'production', AUTH_TOKEN_SECRET: SECRET }).auth.tokenSecret,
    ).toBe(SECRET);
  });

  it('never loads the demo brand in production: off by default there, and refused when asked for', () => {
    const production = { ...productionWechatPay(), NODE_ENV: 'production', AUTH_TOKEN_SECRET: SECRET };
    expect(loadConfig(production).seedDemo).toBe(false);
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(() => loadConfig({ ...production, SEED_DEMO: 'true' })).toThrow(/SEED_DEMO=true is refused .*setup:brand/);
  });

  it('refuses a short AUTH_TOKEN_SECRET without echoing it', () => {
    const attempt = () => loadConfig({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'hunter2-short' });
    expect(attempt).toThrow(/AUTH_TOKEN_SECRET must be at least 32 characters \(got 13 characters\)/);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it('reads AUTH_TOKEN_TTL_SECONDS', () => {
    expect(loadConfig({ AUTH_TOKEN_TTL_SECONDS: '3600' }).auth.tokenTtlSeconds).toBe(3600);
    expect(() => loadConfig({ AUTH_TOKEN_TTL_SECONDS: '0' })).toThrow(/AUTH_TOKEN_TTL_SECONDS .*got "0"/);
  });

  it('uses the HTTP gateway with its credentials and base URL', () => {
    const config = loadConfig({
      WECHAT_GATEWAY: 'http',
      WECHAT_APPID: 'wx123',
      WECHAT_SECRET: 's3cret',
      WECHAT_API_BASE: 'http://127.0.0.1:9999/',
    });
    expect(config.wechat).toEqual({
      gateway: 'http',
      apiBase: 'http://127.0.0.1:9999',
      appId: 'wx123',
      secret: 's3cret',
    });
    expect(loadConfig({ WECHAT_GATEWAY: 'http', WECHAT_APPID: 'a', WECHAT_SECRET: 'b' }).wechat).toMatchObject({
      apiBase: 'https://api.weixin.qq.com',
    });
  });

  it('names each missing WeChat credential when WECHAT_GATEWAY=http', () => {
    expect(() => loadConfig({ WECHAT_GATEWAY: 'http' })).toThrow(
      /WECHAT_APPID is required when WECHAT_GATEWAY=http[\s\S]*WECHAT_SECRET is required/,
    );
    expect(() => loadConfig({ WECHAT_GATEWAY: 'http', WECHAT_APPID: 'wx1' })).toThrow(/WECHAT_SECRET is required/);
  });

  it.each([
    ['WECHAT_GATEWAY', 'real'],
    ['WECHAT_API_BASE', 'ftp://x'],
  ])('rejects %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name} .*got "${value}"`));
  });
});

/** A complete production WeChat Pay environment, with keys made once and written to a temporary folder. */
let wechatPayEnv: Record<string, string> | undefined;
function productionWechatPay(): Record<string, string> {
  wechatPayEnv ??= makeWechatPayEnv();
  return { ...wechatPayEnv };
}

function makeWechatPayEnv(): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidepool-wxpay-env-'));
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const validity = { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2040-01-01T00:00:00Z') };
  const cert = selfSignedCertificate(platform.privateKey, { commonName: 'platform', organization: 'test' }, validity);
  const keyPath = path.join(dir, 'apiclient_key.pem');
  fs.writeFileSync(keyPath, merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  fs.writeFileSync(path.join(dir, 'platform.pem'), cert.pem);
  return {
    WECHATPAY_MCHID: '1900000109',
    WECHATPAY_APPID: 'wxd930ea5d5a258f4f',
    WECHATPAY_NOTIFY_BASE: 'https://shop.example.com/',
    WECHATPAY_MERCHANT_SERIAL: '5157f09efdc096de15ebe81a47057a7232f1b8e1',
    WECHATPAY_MERCHANT_PRIVATE_KEY: keyPath,
    WECHATPAY_APIV3_KEY: 'a'.repeat(32),
    WECHATPAY_PLATFORM_CERT: path.join(dir, 'platform.pem'),
    // Inline PEM with escaped line breaks, as it arrives from many secret stores.
    WECHATPAY_PUBLIC_KEY: (publicKey.publicKey.export({ type: 'spki', format: 'pem' }) as string).replace(/\n/g, '\\n'),
    WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0114232134912410000000000000000000',
  };
}

describe('loadConfig: WeChat Pay', () => {
  const SECRET = 'x'.repeat(32);

  it("uses the simulator outside production, on the local notify origin and WeChat's retry pattern", () => {
    const config = loadConfig({ PORT: '4000' });
    expect(config.wechatPay).toEqual({
      gateway: 'sim',
      mchId: '1900000109',
      appId: 'wx0000000000000000',
      notifyBase: 'http://127.0.0.1:4000',
      retryScheduleMs: [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600].map(
        (s) => s * 1000,
      ),
      refundSettleMs: 2000,
    });
    expect(loadConfig({ WECHAT_APPID: 'wx1234567890abcdef' }).wechatPay.appId).toBe('wx1234567890abcdef');
  });

  it("reads the simulator's retry schedule and refund settling", () => {
    const config = loadConfig({ WECHATPAY_SIM_RETRY_SCHEDULE: '100ms,2s,1m', WECHATPAY_SIM_REFUND_SETTLE: 'manual' });
    expect(config.wechatPay).toMatchObject({ retryScheduleMs: [100, 2000, 60_000], refundSettleMs: null });
    expect(() => loadConfig({ WECHATPAY_SIM_RETRY_SCHEDULE: '15s,soon' })).toThrow(/WECHATPAY_SIM_RETRY_SCHEDULE/);
  });

  it('uses the HTTP gateway in production, with every credential read and parsed once', () => {
    const config = loadConfig({ ...productionWechatPay(), NODE_ENV: 'production', AUTH_TOKEN_SECRET: SECRET });
    expect(config.wechatPay).toMatchObject({
      gateway: 'http',
      apiBase: 'https://api.mch.weixin.qq.com',
      mchId: '1900000109',
      appId: 'wxd930ea5d5a258f4f',
      notifyBase: 'https://shop.example.com',
      merchantSerial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
      apiV3Key: 'a'.repeat(32),
      publicKey: { id: 'PUB_KEY_ID_0114232134912410000000000000000000' },
    });
    if (config.wechatPay.gateway !== 'http') throw new Error('expected http');
    expect(config.wechatPay.merchantPrivateKeyPem).toContain('-----BEGIN PRIVATE KEY-----');
    expect(config.wechatPay.platformCertificatePems).toHaveLength(1);
    expect(config.wechatPay.publicKey?.pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  it('accepts a platform certificate alone or a public key alone', () => {
    const { WECHATPAY_PUBLIC_KEY: _k, WECHATPAY_PUBLIC_KEY_ID: _i, ...certificateOnly } = productionWechatPay();
    expect(loadConfig({ ...certificateOnly, WECHATPAY_GATEWAY: 'http' }).wechatPay).toMatchObject({ publicKey: null });
    const { WECHATPAY_PLATFORM_CERT: _c, ...publicKeyOnly } = productionWechatPay();
    expect(loadConfig({ ...publicKeyOnly, WECHATPAY_GATEWAY: 'http' }).wechatPay).toMatchObject({
      platformCertificatePems: [],
    });
  });

  it('names every missing credential in production, and refuses the simulator there', () => {
    const attempt = () => loadConfig({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: SECRET });
    for (const name of [
      'WECHATPAY_NOTIFY_BASE',
      'WECHATPAY_MCHID',
      'WECHATPAY_APPID',
      'WECHATPAY_MERCHANT_SERIAL',
      'WECHATPAY_MERCHANT_PRIVATE_KEY',
      'WECHATPAY_APIV3_KEY',
      'WECHATPAY_PLATFORM_CERT or WECHATPAY_PUBLIC_KEY',
    ]) {
      expect(attempt).toThrow(new RegExp(`${name}.* is required`));
    }
    expect(() =>
      loadConfig({
        ...productionWechatPay(),
        NODE_ENV: 'production',
        AUTH_TOKEN_SECRET: SECRET,
        WECHATPAY_GATEWAY: 'sim',
      }),
    ).toThrow(/WECHATPAY_GATEWAY=sim is not allowed when NODE_ENV=production/);
    expect(() =>
      loadConfig({
        ...productionWechatPay(),
        NODE_ENV: 'production',
        AUTH_TOKEN_SECRET: SECRET,
        WECHATPAY_NOTIFY_BASE: 'http://shop.example.com',
      }),
    ).toThrow(/WECHATPAY_NOTIFY_BASE must be an https URL/);
  });

  it('refuses bad key material without echoing secrets', () => {
    const env: Record<string, string> = { ...productionWechatPay(), WECHATPAY_GATEWAY: 'http' };
    const attempt = (overrides: Record<string, string>) => () => loadConfig({ ...env, ...overrides });
    expect(attempt({ WECHATPAY_APIV3_KEY: 'too-short-secret' })).toThrow(
      /WECHATPAY_APIV3_KEY must be exactly 32 bytes \(got 16 characters\)/,
    );
    expect(attempt({ WECHATPAY_APIV3_KEY: 'too-short-secret' })).not.toThrow(/too-short-secret/);
    expect(attempt({ WECHATPAY_MERCHANT_PRIVATE_KEY: '/nonexistent/apiclient_key.pem' })).toThrow(
      /WECHATPAY_MERCHANT_PRIVATE_KEY must be PEM text or the path of a readable PEM file/,
    );
    expect(
      attempt({ WECHATPAY_MERCHANT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----' }),
    ).toThrow(/WECHATPAY_MERCHANT_PRIVATE_KEY must be a PEM private key/);
    expect(attempt({ WECHATPAY_PLATFORM_CERT: env.WECHATPAY_MERCHANT_PRIVATE_KEY })).toThrow(
      /WECHATPAY_PLATFORM_CERT must hold at least one PEM certificate/,
    );
    expect(attempt({ WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_123' })).toThrow(/WECHATPAY_PUBLIC_KEY_ID must be PUB_KEY_ID_/);
    expect(attempt({ WECHATPAY_MERCHANT_SERIAL: 'not-hex' })).toThrow(
      /WECHATPAY_MERCHANT_SERIAL must be the hexadecimal/,
    );
    const { WECHATPAY_PUBLIC_KEY_ID: _id, ...withoutId } = env;
    expect(() => loadConfig(withoutId)).toThrow(/WECHATPAY_PUBLIC_KEY and WECHATPAY_PUBLIC_KEY_ID go together/);
  });

  it.each([
    ['WECHATPAY_GATEWAY', 'real'],
    ['WECHATPAY_NOTIFY_BASE', 'ftp://x'],
    ['WECHATPAY_MCHID', 'merchant'],
    ['WECHATPAY_SIM_REFUND_SETTLE', 'later'],
  ])('rejects %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name} .*got "${value}"`));
  });
});

describe('subscribe-message templates', () => {
  it('reads one template id per message, with dev defaults', () => {
    expect(loadConfig({}).subscribeTemplates).toEqual({
      dropReminder: 'dev-drop-reminder',
      orderShipped: 'dev-order-shipped',
      refundResult: 'dev-refund-result',
      couponExpiring: 'dev-coupon-expiring',
    });
    const config = loadConfig({
      WECHAT_DROP_REMINDER_TEMPLATE_ID: 'tmplDrop_1',
      WECHAT_ORDER_SHIPPED_TEMPLATE_ID: 'tmplShip-2',
      WECHAT_REFUND_RESULT_TEMPLATE_ID: 'tmplRefund3',
      WECHAT_COUPON_EXPIRING_TEMPLATE_ID: 'tmplCoupon4',
    });
    expect(config.subscribeTemplates).toEqual({
      dropReminder: 'tmplDrop_1',
      orderShipped: 'tmplShip-2',
      refundResult: 'tmplRefund3',
      couponExpiring: 'tmplCoupon4',
    });
    // The drop reminder is the same template wherever it is read.
    expect(config.drops.reminderTemplateId).toBe('tmplDrop_1');
  });

  it.each([
    'WECHAT_ORDER_SHIPPED_TEMPLATE_ID',
    'WECHAT_REFUND_RESULT_TEMPLATE_ID',
    'WECHAT_COUPON_EXPIRING_TEMPLATE_ID',
  ])('rejects a malformed %s', (name) => {
    expect(() => loadConfig({ [name]: 'not a template id!' })).toThrow(
      new RegExp(`${name} must be a subscribe-message template id`),
    );
  });
});
