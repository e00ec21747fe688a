export interface HealthResponse {
  status: 'ok';
}

export interface HealthDownResponse {
  status: 'down';
  code: 'DATABASE_UNAVAILABLE';
  message: string;
}

/** GET /api/time — the server clock, as an ISO instant in UTC. */
export interface ServerTimeResponse {
  now: string;
}
