import Taro from '@tarojs/taro';
import { ApiError, errorFromResponse, networkError } from './api-error';
import { API_BASE, REQUEST_TIMEOUT_MS } from './env';

export { ApiError } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  method?: HttpMethod;
  query?: Query;
  body?: RequestBody;
  header?: Record<string, string>;
  /** Milliseconds; defaults to TARO_APP_REQUEST_TIMEOUT_MS. */
  timeout?: number;
  /** Sends that login's bearer token (when one is held); a 401 answer forgets it. */
  auth?: AuthKind;
}

/** Which login a call is made as (see stores/session.slice.ts). */
export type AuthKind = 'member' | 'staff';

/**
 * Where the client reads tokens from and reports a rejected one. Installed by services/session.ts, so this module
 * stays free of the store (and testable on its own).
 */
export interface AuthProvider {
  token: (kind: AuthKind) => string | null;
  onUnauthorized: (kind: AuthKind) => void;
}

let authProvider: AuthProvider | null = null;
export function setAuthProvider(provider: AuthProvider | null): void {
  authProvider = provider;
}

/** What the client sends as a JSON body. */
export type RequestBody = Record<string, unknown> | unknown[];

/** What Taro.request may hand back as `data` (JSON parsed, or raw text when parsing failed). */
type ResponseBody = string | Record<string, unknown> | ArrayBuffer;

const IS_DEV = process.env.NODE_ENV !== 'production';

/** Serialises a query, dropping undefined/null/'' values so optional filters never reach the server as "undefined". */
export function buildQueryString(query: Query = {}): string {
  return Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => {
      const value = entry[1];
      return value !== undefined && value !== null && value !== '';
    })
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
}

export function buildUrl(path: string, query?: Query, base: string = API_BASE): string {
  const qs = buildQueryString(query);
  const url = /^https?:\/\//i.test(path)
    ? path
    : `${base.replace(/\/+$/, '')}${path.startsWith('/') ? '' : '/'}${path}`;
  if (!qs) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${qs}`;
}

let requestSeq = 0;
export function createRequestId(): string {
  requestSeq = (requestSeq + 1) % 1_000_000;
  const random = Math.floor(Math.random() * 0xffffff).toString(36);
  return `mp-${Date.now().toString(36)}-${random}-${requestSeq.toString(36)}`;
}

interface ChainParams {
  url: string;
  method?: string;
  header?: Record<string, string>;
  timeout?: number;
}
interface ChainResult {
  statusCode?: number;
}

/**
 * Request middleware (onion order): stamps an X-Request-Id (the server logs it), applies the default timeout and
 * logs method, URL, status and duration.
 */
export function requestInterceptor(chain: Taro.Chain): Promise<unknown> {
  const params = chain.requestParams as ChainParams;
  const requestId = createRequestId();
  params.header = { ...params.header, 'X-Request-Id': requestId };
  if (typeof params.timeout !== 'number') params.timeout = REQUEST_TIMEOUT_MS;
  const started = Date.now();
  const label = `[http] ${params.method ?? 'GET'} ${params.url} (${requestId})`;
  return (chain.proceed(params) as Promise<ChainResult>).then(
    (res) => {
      if (IS_DEV) console.info(`${label} → ${res.statusCode ?? '?'} in ${Date.now() - started}ms`);
      return res;
    },
    (err: unknown) => {
      console.warn(`${label} failed after ${Date.now() - started}ms`, err);
      throw err;
    },
  );
}

let interceptorsInstalled = false;
export function installInterceptors(): void {
  if (interceptorsInstalled) return;
  interceptorsInstalled = true;
  Taro.addInterceptor(requestInterceptor);
}

/** The one HTTP client. Resolves with the parsed body on 2xx; rejects with an ApiError otherwise. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  installInterceptors();
  const { method = 'GET', query, body, header, timeout, auth } = options;
  const token = auth ? (authProvider?.token(auth) ?? null) : null;
  let res: Taro.request.SuccessCallbackResult<ResponseBody>;
  try {
    res = await Taro.request<ResponseBody, RequestBody>({
      url: buildUrl(path, query),
      method,
      data: body,
      header: {
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...header,
      },
      timeout,
      dataType: 'json',
    });
  } catch {
    throw networkError();
  }
  const status = res.statusCode;
  if (status >= 200 && status < 300) {
    if (status === 204) return undefined as T;
    // A 2xx whose body is not JSON (e.g. an HTML fallback page) is not an answer from our API.
    if (res.data === null || res.data === undefined || typeof res.data === 'string') {
      throw new ApiError('INTERNAL_ERROR', status);
    }
    return res.data as T;
  }
  // The token was refused (expired, revoked, account deleted): forget it so the next call logs in afresh.
  if (status === 401 && auth && token) authProvider?.onUnauthorized(auth);
  throw errorFromResponse(status, res.data);
}

export const http = {
  get: <T>(path: string, query?: Query, auth?: AuthKind) => request<T>(path, { method: 'GET', query, auth }),
  post: <T>(path: string, body?: RequestBody, auth?: AuthKind) => request<T>(path, { method: 'POST', body, auth }),
  put: <T>(path: string, body?: RequestBody, auth?: AuthKind) => request<T>(path, { method: 'PUT', body, auth }),
  patch: <T>(path: string, body?: RequestBody, auth?: AuthKind) => request<T>(path, { method: 'PATCH', body, auth }),
  delete: <T>(path: string, auth?: AuthKind) => request<T>(path, { method: 'DELETE', auth }),
};
