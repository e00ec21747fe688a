/**
 * Build-time settings. The `process.env.TARO_APP_*` reads are replaced at build time (config/index.ts defines
 * every one with a default); the fallbacks only matter under vitest, where nothing is replaced.
 */
export const API_BASE: string = (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');

export const REQUEST_TIMEOUT_MS: number = Number(process.env.TARO_APP_REQUEST_TIMEOUT_MS) || 10_000;

/** The browser build (demo, dev gateway) rather than the mini program. Read per call so tests can switch it. */
export function isH5(): boolean {
  return process.env.TARO_ENV === 'h5';
}
