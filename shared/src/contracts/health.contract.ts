export interface HealthResponse {
  status: 'ok';
}

export interface HealthDownResponse {
  status: 'down';
  code: 'DATABASE_UNAVAILABLE';
  message: string;
}

/** GET /api/time — the server clock, as an ISO instant in UTC, and the brand's (store) time zone. */
export interface ServerTimeResponse {
  now: string;
  /** IANA zone every date and time a person reads is shown in (shared/time/format.ts), e.g. Asia/Shanghai. */
  timeZone: string;
}
