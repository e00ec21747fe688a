import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_AUTH_TOKEN_SECRET, loadConfig } from './env';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite database under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'sqlite', file: path.resolve('data', 'tidepool.sqlite') });
    expect(config.startAt).toBeNull();
    expect(config.seedDemo).toBe(true);
  });

  it('uses MySQL when DATABASE_URL is a mysql:// URL', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/tidepool', DB_POOL_SIZE: '20' });
    expect(config.database).toEqual({ kind: 'mysql', url: 'mysql://root@127.0.0.1:3306/tidepool', poolSize: 20 });
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
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name} .*got "${value}"`));
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
    expect(loadConfig({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: SECRET }).auth.tokenSecret).toBe(SECRET);
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
