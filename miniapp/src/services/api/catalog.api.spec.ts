import { beforeEach, describe, expect, it, vi } from 'vitest';

const taro = vi.hoisted(() => ({ request: vi.fn(), addInterceptor: vi.fn() }));
vi.mock('@tarojs/taro', () => ({ default: taro, ...taro }));

import { getProduct, listCategories, listProducts } from './catalog.api';

const ok = (data: unknown) => ({ statusCode: 200, data, header: {} });
const calledUrl = () => (taro.request.mock.calls.at(-1)?.[0] as { url: string }).url;

describe('catalog api', () => {
  beforeEach(() => {
    taro.request.mockReset();
    taro.request.mockResolvedValue(ok({ items: [], page: 1, pageSize: 20, total: 0, hasMore: false }));
  });

  it('lists categories', async () => {
    taro.request.mockResolvedValue(ok([]));
    await listCategories();
    expect(calledUrl()).toBe('/api/catalog/categories');
  });

  it('lists products with defaults, filters and a capped page size', async () => {
    await listProducts();
    expect(calledUrl()).toBe('/api/catalog/products?page=1&pageSize=20');
    await listProducts({ categoryId: 3, keyword: '  茶 ', page: 2, pageSize: 500 });
    expect(calledUrl()).toBe('/api/catalog/products?categoryId=3&keyword=%E8%8C%B6&page=2&pageSize=50');
  });

  it('gets one product', async () => {
    taro.request.mockResolvedValue(ok({ id: 7 }));
    await expect(getProduct(7)).resolves.toEqual({ id: 7 });
    expect(calledUrl()).toBe('/api/catalog/products/7');
  });
});
