import type { ApiErrorBody, ApiErrorDetail } from '@tidepool/shared';
import { clearSession, readSession } from '../auth/session';

/** An API refusal: the server's code and plain-Chinese message, and the fields it names (VALIDATION_FAILED). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The first reason the server gave for each field, for a form's inline errors. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const detail of this.details) out[detail.field] ??= detail.reason;
    return out;
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Sent as is (multipart uploads): no JSON content type. */
  form?: FormData;
  /** A file sent as the raw body under its own type (image uploads): no multipart framing. */
  raw?: Blob;
  signal?: AbortSignal;
}

/** Listeners told when the session ends under the user (401): the app goes back to the login page. */
const sessionExpiredListeners = new Set<() => void>();
export function onSessionExpired(listener: () => void): () => void {
  sessionExpiredListeners.add(listener);
  return () => sessionExpiredListeners.delete(listener);
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const session = readSession();
  if (session) headers.authorization = `Bearer ${session.accessToken}`;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.raw) {
    headers['content-type'] = options.raw.type || 'application/octet-stream';
    body = options.raw;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), { method, headers, body, signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试');
  }
  if (response.ok) return response;
  const error = await toApiError(response);
  if (error.status === 401 && session) {
    clearSession();
    sessionExpiredListeners.forEach((listener) => listener());
  }
  throw error;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    if (typeof body.code === 'string') {
      return new ApiError(response.status, body.code, body.message ?? '操作失败', body.details ?? []);
    }
  } catch {
    // Not our JSON (a proxy's error page): fall through to the generic message.
  }
  return new ApiError(response.status, 'HTTP_ERROR', `请求失败（${response.status}），请稍后重试`);
}

/** A JSON call to the API. Throws ApiError for every refusal. */
export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Downloads what a GET answers (CSV export) under the file name the server gives, with the session's token. */
export async function download(path: string, query?: Query, fallbackName = 'export.csv'): Promise<void> {
  const response = await send('GET', path, { query });
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1] ?? match[2] ?? fallbackName) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}
