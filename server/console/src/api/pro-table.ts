import type { Page } from '@tidepool/shared';
import { api } from './client';

type Params = Record<string, unknown> & { current?: number; pageSize?: number };

/**
 * A ProTable `request` backed by one of our paged admin routes: ProTable's `current` becomes `page`, empty
 * filters are dropped, and `mapParams` renames or converts the rest (e.g. a date range into from/to instants).
 */
export function pagedRequest<T>(path: string, mapParams: (params: Params) => Record<string, unknown> = (p) => p) {
  return async (params: Params) => {
    const { current, pageSize, ...filters } = params;
    const query: Record<string, string | number | boolean | undefined> = {
      page: current ?? 1,
      pageSize: pageSize ?? 20,
    };
    for (const [key, value] of Object.entries(mapParams(filters))) {
      if (value === undefined || value === null || value === '') continue;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') query[key] = value;
    }
    const page = await api<Page<T>>('GET', path, { query });
    return { data: page.items, total: page.total, success: true };
  };
}
