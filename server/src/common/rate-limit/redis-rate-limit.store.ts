import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { RateLimitStoreStatus } from '@tidepool/shared';
import { Redis } from 'ioredis';
import {
  RateLimitStore,
  RateLimitStoreUnavailableError,
  type RateLimitVerdict,
  retryAfterSecondsOf,
} from './rate-limit.store';

/**
 * How long any Redis call may take, connecting included. Short on purpose: a dead or stalled Redis must answer
 * "unavailable" quickly (each limiter then applies its policy) instead of holding a login or a scan open.
 */
const REDIS_TIMEOUT_MS = 500;

/**
 * One hit, atomically: read the count, refuse without counting when the budget is spent, otherwise INCR and start
 * the window's expiry on the first hit. A key found without expiry (left by something other than this script) is
 * given a window rather than counting forever. Returns {allowed (1|0), milliseconds left in the window}.
 */
const HIT_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('PTTL', KEYS[1])
if count > 0 and ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
if count >= tonumber(ARGV[1]) then
  return {0, ttl}
end
count = redis.call('INCR', KEYS[1])
if count == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {1, ttl}
`;

/**
 * Counters in Redis, shared by every process that points at the same REDIS_URL and key prefix. Windows follow
 * Redis's own clock (key expiry), not the app's `Clock`: moving the app's clock in a demo does not end a window.
 */
export class RedisRateLimitStore extends RateLimitStore implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimitStore');
  private readonly client: Redis;
  private reportedDown = false;

  constructor(
    url: string,
    private readonly keyPrefix: string,
  ) {
    super();
    this.client = new Redis(url, {
      lazyConnect: true,
      connectTimeout: REDIS_TIMEOUT_MS,
      commandTimeout: REDIS_TIMEOUT_MS,
      // No queueing or retrying of commands while disconnected: a call fails at once and the limiter decides.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Reconnect in the background, backing off to every 2 s, for as long as the process runs.
      retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    });
    // Without a listener ioredis reports every failed reconnect as an unhandled error event; log the change once.
    this.client.on('error', (error: Error) => {
      if (this.reportedDown) return;
      this.reportedDown = true;
      this.logger.warn({ msg: 'rate-limit store (Redis) unreachable', error: error.message });
    });
    this.client.on('ready', () => {
      if (!this.reportedDown) return;
      this.reportedDown = false;
      this.logger.log({ msg: 'rate-limit store (Redis) reachable again' });
    });
  }

  /** Connects before serving, so the first requests do not find the client still connecting; a dead Redis does not stop the boot. */
  async onModuleInit(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, REDIS_TIMEOUT_MS * 2);
    });
    try {
      await Promise.race([this.client.connect().catch(() => undefined), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }

  async hit(key: string, limit: number, windowMs: number): Promise<RateLimitVerdict> {
    const reply = await this.call(() => this.client.eval(HIT_SCRIPT, 1, this.keyPrefix + key, limit, windowMs));
    if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') {
      throw new RateLimitStoreUnavailableError(`unexpected reply from the rate-limit script: ${JSON.stringify(reply)}`);
    }
    return { allowed: reply[0] === 1, retryAfterSeconds: retryAfterSecondsOf(reply[1] > 0 ? reply[1] : windowMs) };
  }

  async reset(key: string): Promise<void> {
    await this.call(() => this.client.del(this.keyPrefix + key));
  }

  async status(): Promise<RateLimitStoreStatus> {
    try {
      await this.call(() => this.client.ping());
      return 'redis: up';
    } catch {
      return 'redis: down';
    }
  }

  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new RateLimitStoreUnavailableError((error as Error).message);
    }
  }
}
