/**
 * Where the rate-limit counters live and whether they answer: `memory` (this process), `redis: up`, or
 * `redis: down` (logins are then refused and scans let through). Reported, never a reason to fail the check.
 */
export type RateLimitStoreStatus = 'memory' | 'redis: up' | 'redis: down';

export interface HealthResponse {
  status: 'ok';
  rateLimits: RateLimitStoreStatus;
}

export interface HealthDownResponse {
  status: 'down';
  code: 'DATABASE_UNAVAILABLE';
  message: string;
  rateLimits: RateLimitStoreStatus;
}

/** GET /api/time — the server clock, as an ISO instant in UTC, and the brand's (store) time zone. */
export interface ServerTimeResponse {
  now: string;
  /** IANA zone every date and time a person reads is shown in (shared/time/format.ts), e.g. Asia/Shanghai. */
  timeZone: string;
}
