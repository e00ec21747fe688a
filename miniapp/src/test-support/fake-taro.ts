import { vi } from 'vitest';

/**
 * A stand-in for `@tarojs/taro` in specs of code that calls the API and keeps a session: `request` is a mock
 * each spec answers, storage is an in-memory map. A spec mocks the module with it:
 *
 *   vi.mock('@tarojs/taro', async () => (await import('@/test-support/fake-taro')).taroModule);
 *
 * and imports `taro` and `storage` from here to answer and inspect (vitest gives each spec file its own copy).
 */
export const storage = new Map<string, unknown>();

export const taro = {
  request: vi.fn(),
  addInterceptor: vi.fn(),
  login: vi.fn(),
  navigateTo: vi.fn(),
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
};

export const taroModule = { default: taro, ...taro };

/** What the HTTP client passed to `Taro.request`. */
export interface RequestCall {
  url: string;
  method: string;
  data?: unknown;
  header: Record<string, string>;
}

export const requestCalls = (): RequestCall[] => taro.request.mock.calls.map((c) => c[0] as RequestCall);

/** A `Taro.request` answer. */
export const json = (statusCode: number, data: unknown) => ({ statusCode, data, header: {} });
