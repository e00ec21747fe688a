export interface HealthResponse {
  status: 'ok';
}

export interface HealthDownResponse {
  status: 'down';
  code: 'DATABASE_UNAVAILABLE';
  message: string;
}
