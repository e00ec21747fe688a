import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env';

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
