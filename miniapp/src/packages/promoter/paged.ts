import type { Page } from '@tidepool/shared';

/** Rows of a page with the numeric `id` usePagedList keys on (distribution rows are keyed by order, member, …). */
export function withIds<T>(page: Page<T>, idOf: (item: T) => number): Page<T & { id: number }> {
  return { ...page, items: page.items.map((item) => ({ ...item, id: idOf(item) })) };
}

/** A stable positive number for a string key (a share token), for list keys and de-duplication. */
export function hashKey(key: string): number {
  let hash = 5381;
  for (let i = 0; i < key.length; i++) hash = ((hash * 33) ^ key.charCodeAt(i)) >>> 0;
  return hash + 1;
}
