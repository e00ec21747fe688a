import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { MemoryRateLimitStore } from '../../src/common/rate-limit/memory-rate-limit.store';
import type { RateLimitStore } from '../../src/common/rate-limit/rate-limit.store';
import { RedisRateLimitStore } from '../../src/common/rate-limit/redis-rate-limit.store';
import type { AppConfig } from '../../src/config/env';
import { type Actor, staffLogin } from '../support/actors';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from '../support/test-app';

/**
 * Rate limits shared through Redis (REDIS_URL): two app instances in this process, one Redis, one budget. Needs
 * the Redis at 127.0.0.1:6379 that CI starts; an unreachable Redis fails these tests, it never skips them. Each
 * run uses its own key prefix and deletes its keys afterwards.
 */
const REDIS_URL = 'redis://127.0.0.1:6379';
// Nothing listens on port 1: connections are refused at once, as with a Redis that is down.
const DEAD_REDIS_URL = 'redis://127.0.0.1:1';
const prefix = `tidepool:test-${randomUUID()}:rl:`;

let redis: Redis;
beforeAll(async () => {
  redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000 });
  await redis.connect();
  expect(await redis.ping()).toBe('PONG');
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const redisLimits = (url = REDIS_URL): Pick<AppConfig, 'rateLimits'> => ({
  rateLimits: { store: 'redis', url, keyPrefix: prefix },
});

const login = (t: TestApp, username: string, password: string) =>
  t.inject({
    method: 'POST',
    url: '/api/auth/staff-login',
    payload: { username, password },
    headers: { 'x-forwarded-for': '10.9.0.1' },
  });
const scan = (t: TestApp, cashier: Actor) =>
  t.inject({ method: 'POST', url: '/api/store-mode/scans', headers: cashier.headers, payload: { code: '123' } });

describe('the rate-limit store contract (memory and Redis alike)', () => {
  const clock = new TestClock(new Date('2026-11-25T02:00:00Z'));
  const memory = new MemoryRateLimitStore(clock);
  const shared = new RedisRateLimitStore(REDIS_URL, prefix);
  beforeAll(() => shared.onModuleInit());
  afterAll(() => shared.onApplicationShutdown());

  for (const [kind, store, wait] of [
    ['memory', memory, (ms: number) => Promise.resolve(clock.advance(ms))],
    ['redis', shared, (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))],
  ] as Array<[string, RateLimitStore, (ms: number) => Promise<void>]>) {
    it(`${kind}: allows the limit, refuses without counting, renews after the window, forgets on reset`, async () => {
      const key = `contract:${kind}`;
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push((await store.hit(key, 3, 400)).allowed);
      expect(answers).toEqual([true, true, true, false]);
      const refused = await store.hit(key, 3, 400);
      expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1 });
      await wait(450);
      expect((await store.hit(key, 3, 400)).allowed).toBe(true);
      await store.hit(key, 3, 400);
      await store.hit(key, 3, 400);
      expect((await store.hit(key, 3, 400)).allowed).toBe(false);
      await store.reset(key);
      expect((await store.hit(key, 3, 400)).allowed).toBe(true);
    });
  }

  it('redis: counts every one of many concurrent hits exactly once', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => shared.hit('contract:burst', 15, 60_000)));
    expect(answers.filter((a) => a.allowed)).toHaveLength(15);
    expect(await redis.get(`${prefix}contract:burst`)).toBe('15');
    expect(await redis.pttl(`${prefix}contract:burst`)).toBeGreaterThan(59_000);
  });
});

describe('two app instances sharing one Redis', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    a = await createTestApp({ ...redisLimits(), trustedProxies: ['127.0.0.1'], storeScansPerMinute: 4 }, db);
    b = await createTestApp(
      { ...redisLimits(), trustedProxies: ['127.0.0.1'], storeScansPerMinute: 4, seedDemo: false },
      db,
    );
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await db?.drop();
  });

  it('locks an account on both after five wrong passwords in total across the two', async () => {
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await login(i % 2 ? b : a, 'cashier.sh001', `wrong-${i}`)).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401]);
    for (const app of [a, b]) {
      const res = await login(app, 'cashier.sh001', 'tidepool123');
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({ code: 'RATE_LIMITED' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(14 * 60);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    }
    // The count lives in Redis under the configured prefix, with the 15-minute window as its expiry.
    const ttl = await redis.pttl(`${prefix}login:cashier.sh001|10.9.0.1`);
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
  });

  it('clears the shared count on a successful login, whichever instance counted it', async () => {
    for (let i = 0; i < 4; i++) expect((await login(a, 'cashier.sh002', `wrong-${i}`)).statusCode).toBe(401);
    expect((await login(b, 'cashier.sh002', 'tidepool123')).statusCode).toBe(200);
    expect(await redis.exists(`${prefix}login:cashier.sh002|10.9.0.1`)).toBe(0);
  });

  it('limits one cashier’s scans across both instances, with Retry-After', async () => {
    const cashier = await staffLogin(a, 'cashier.sh002');
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await scan(i % 2 ? b : a, cashier));
    expect(answers.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 429, 429]);
    expect(answers[0].json()).toMatchObject({ code: 'MEMBER_CODE_INVALID' });
    for (const refused of answers.slice(4)) {
      expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
  });

  it('says in the health check that the counters are in Redis and it answers', async () => {
    for (const app of [a, b]) {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', rateLimits: 'redis: up' });
    }
  });
});

describe('Redis unreachable', () => {
  let db: TestDatabase;
  let healthy: TestApp;
  let down: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    // A memory-limited instance seeds the database and logs the cashier in; the other's Redis is dead.
    healthy = await createTestApp({ storeScansPerMinute: 2 }, db);
    down = await createTestApp({ ...redisLimits(DEAD_REDIS_URL), storeScansPerMinute: 2, seedDemo: false }, db);
  });
  afterAll(async () => {
    await down?.close();
    await healthy?.close();
    await db?.drop();
  });

  it('refuses staff logins (fail closed) quickly, with LOGIN_TEMPORARILY_UNAVAILABLE', async () => {
    const started = Date.now();
    const res = await login(down, 'cashier.sh001', 'tidepool123');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ code: 'LOGIN_TEMPORARILY_UNAVAILABLE', message: '登录服务暂时不可用，请稍后再试' });
  });

  it('lets scans through (fail open), beyond the per-minute budget', async () => {
    const cashier = await staffLogin(healthy, 'cashier.sh001');
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await scan(down, cashier)).statusCode);
    expect(answers).toEqual([400, 400, 400, 400]);
  });

  it('reports redis: down in the health check without failing it', async () => {
    const res = await down.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', rateLimits: 'redis: down' });
  });
});
