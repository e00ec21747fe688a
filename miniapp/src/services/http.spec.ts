import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from '@tidepool/shared';

const taro = vi.hoisted(() => ({
  request: vi.fn(),
  addInterceptor: vi.fn(),
}));
vi.mock('@tarojs/taro', () => ({ default: taro, ...taro }));

import { ApiError, errorFromResponse, isApiError, networkError, toApiError } from './api-error';
import {
  buildQueryString,
  buildUrl,
  installInterceptors,
  request,
  requestInterceptor,
  setAuthProvider,
  type AuthKind,
} from './http';

describe('errorFromResponse', () => {
  it('keeps a known code and shows its Chinese message, never the server text', () => {
    const err = errorFromResponse(404, { code: 'PRODUCT_NOT_FOUND', message: 'Product 9 not found' });
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('PRODUCT_NOT_FOUND');
    expect(err.status).toBe(404);
    expect(err.message).toBe(ERROR_CODES.PRODUCT_NOT_FOUND.message);
    expect(err.message).not.toContain('Product 9');
  });

  it('maps 503 DATABASE_UNAVAILABLE', () => {
    const err = errorFromResponse(503, { code: 'DATABASE_UNAVAILABLE', message: 'db down' });
    expect(err.code).toBe('DATABASE_UNAVAILABLE');
    expect(err.message).toBe('服务繁忙，请稍后再试');
  });

  it('turns unknown codes, missing bodies and non-JSON bodies into INTERNAL_ERROR with the real status', () => {
    for (const body of [
      { code: 'SOMETHING_NEW', message: 'x' },
      { code: 'toString' },
      null,
      undefined,
      '<html>Bad Gateway</html>',
      42,
    ]) {
      const err = errorFromResponse(502, body);
      expect(err.code).toBe('INTERNAL_ERROR');
      expect(err.status).toBe(502);
      expect(err.message).toBe(ERROR_CODES.INTERNAL_ERROR.message);
    }
  });

  it('parses a JSON error body that arrived as text', () => {
    const err = errorFromResponse(
      400,
      JSON.stringify({ code: 'VALIDATION_FAILED', message: 'bad', details: [{ field: 'page', reason: 'min' }] }),
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toEqual([{ field: 'page', reason: 'min' }]);
  });

  it('drops malformed details', () => {
    const err = errorFromResponse(400, { code: 'VALIDATION_FAILED', details: [{ field: 1 }, 'x'] });
    expect(err.details).toBeUndefined();
  });
});

describe('networkError / toApiError', () => {
  it('network failures are NETWORK_ERROR with status 0', () => {
    const err = networkError();
    expect(err.code).toBe('NETWORK_ERROR');
    expect(err.status).toBe(0);
    expect(err.message).toBe(ERROR_CODES.NETWORK_ERROR.message);
  });

  it('passes ApiErrors through and wraps anything else as INTERNAL_ERROR', () => {
    const known = new ApiError('RATE_LIMITED', 429);
    expect(toApiError(known)).toBe(known);
    expect(isApiError(known)).toBe(true);
    expect(toApiError(new TypeError('x is undefined')).code).toBe('INTERNAL_ERROR');
    expect(toApiError('boom').message).toBe(ERROR_CODES.INTERNAL_ERROR.message);
  });
});

describe('buildUrl', () => {
  it('joins base and path and drops empty query values', () => {
    expect(
      buildUrl(
        '/api/catalog/products',
        { categoryId: undefined, keyword: '', page: 2, pageSize: 20 },
        'http://127.0.0.1:3000/',
      ),
    ).toBe('http://127.0.0.1:3000/api/catalog/products?page=2&pageSize=20');
  });

  it('is same-origin with an empty base and encodes values', () => {
    expect(buildUrl('/api/catalog/products', { keyword: '茶 & 杯' }, '')).toBe(
      '/api/catalog/products?keyword=%E8%8C%B6%20%26%20%E6%9D%AF',
    );
  });

  it('appends to an existing query string', () => {
    expect(buildUrl('/api/x?a=1', { b: true }, '')).toBe('/api/x?a=1&b=true');
    expect(buildQueryString({ a: null, b: 0 })).toBe('b=0');
  });
});

describe('request', () => {
  beforeEach(() => {
    taro.request.mockReset();
  });

  it('resolves with the body on 2xx', async () => {
    taro.request.mockResolvedValue({ statusCode: 200, data: [{ id: 1, name: '茶具' }], header: {} });
    await expect(request('/api/catalog/categories')).resolves.toEqual([{ id: 1, name: '茶具' }]);
    expect(taro.request).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/catalog/categories', method: 'GET', dataType: 'json' }),
    );
  });

  it('rejects non-2xx with a typed ApiError', async () => {
    taro.request.mockResolvedValue({
      statusCode: 404,
      data: { code: 'PRODUCT_NOT_FOUND', message: 'nope' },
      header: {},
    });
    const err: unknown = await request('/api/catalog/products/9').catch((e: unknown) => e);
    expect(isApiError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'PRODUCT_NOT_FOUND', status: 404, message: '商品不存在或已下架' });
  });

  it('maps a failed request (no response) to NETWORK_ERROR', async () => {
    taro.request.mockRejectedValue({ errMsg: 'request:fail timeout' });
    await expect(request('/api/health')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('rejects a 2xx that is not JSON (e.g. an HTML fallback page)', async () => {
    taro.request.mockResolvedValue({ statusCode: 200, data: '<!doctype html>', header: {} });
    await expect(request('/api/catalog/categories')).rejects.toMatchObject({ code: 'INTERNAL_ERROR', status: 200 });
  });

  it('sends JSON bodies with a content type', async () => {
    taro.request.mockResolvedValue({ statusCode: 201, data: { ok: true }, header: {} });
    await request('/api/x', { method: 'POST', body: { skuIds: [1] } });
    expect(taro.request).toHaveBeenCalledWith(
      expect.objectContaining({
        method: 'POST',
        data: { skuIds: [1] },
        header: expect.objectContaining({ 'Content-Type': 'application/json' }),
      }),
    );
  });
});

describe('bearer tokens', () => {
  const tokens: Record<AuthKind, string | null> = { member: 'member-token', staff: null };
  const rejected: AuthKind[] = [];
  const sentHeader = () => (taro.request.mock.calls.at(-1)?.[0] as { header: Record<string, string> }).header;

  beforeEach(() => {
    taro.request.mockReset();
    rejected.length = 0;
    setAuthProvider({ token: (kind) => tokens[kind], onUnauthorized: (kind) => void rejected.push(kind) });
  });
  afterEach(() => setAuthProvider(null));

  it("sends the requested login's token, and none for public calls or a missing token", async () => {
    taro.request.mockResolvedValue({ statusCode: 200, data: {}, header: {} });
    await request('/api/members/me', { auth: 'member' });
    expect(sentHeader().Authorization).toBe('Bearer member-token');
    await request('/api/catalog/categories');
    expect(sentHeader().Authorization).toBeUndefined();
    await request('/api/store-mode/scans', { method: 'POST', body: {}, auth: 'staff' });
    expect(sentHeader().Authorization).toBeUndefined();
  });

  it('forgets a token the server refused (401), and only that one', async () => {
    taro.request.mockResolvedValue({ statusCode: 401, data: { code: 'UNAUTHENTICATED', message: 'x' }, header: {} });
    await expect(request('/api/members/me', { auth: 'member' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(rejected).toEqual(['member']);
    // A public call answered 401 (wrong staff password) clears nothing.
    taro.request.mockResolvedValue({ statusCode: 401, data: { code: 'STAFF_LOGIN_FAILED', message: 'x' }, header: {} });
    await expect(request('/api/auth/staff-login', { method: 'POST', body: {} })).rejects.toMatchObject({
      code: 'STAFF_LOGIN_FAILED',
      message: '账号或密码错误',
    });
    expect(rejected).toEqual(['member']);
  });

  it('answers a 204 with undefined', async () => {
    taro.request.mockResolvedValue({ statusCode: 204, data: '', header: {} });
    await expect(request('/api/members/me', { method: 'DELETE', auth: 'member' })).resolves.toBeUndefined();
  });
});

describe('interceptor', () => {
  it('is installed once', () => {
    taro.addInterceptor.mockClear();
    installInterceptors();
    installInterceptors();
    expect(taro.addInterceptor.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('stamps a request id and a default timeout, and passes the response through', async () => {
    const proceed = vi.fn().mockResolvedValue({ statusCode: 200 });
    const chain = {
      index: 0,
      interceptors: [],
      requestParams: { url: '/api/health', header: { Accept: 'application/json' } },
      proceed,
    };
    const res = await requestInterceptor(chain);
    expect(res).toEqual({ statusCode: 200 });
    const [sent] = proceed.mock.calls[0] as [{ header: Record<string, string>; timeout: number }];
    expect(sent.header.Accept).toBe('application/json');
    expect(sent.header['X-Request-Id']).toMatch(/^mp-/);
    expect(sent.timeout).toBe(10_000);
  });

  it('keeps an explicit timeout and rethrows failures', async () => {
    const failure = new Error('fail');
    const proceed = vi.fn().mockRejectedValue(failure);
    const chain = { index: 0, interceptors: [], requestParams: { url: '/api/x', timeout: 500 }, proceed };
    await expect(requestInterceptor(chain)).rejects.toBe(failure);
    expect((proceed.mock.calls[0][0] as { timeout: number }).timeout).toBe(500);
  });
});
