/** The drop subpackage's pages (utils/routes.ts names the other areas'). */
export const DROP_ROUTES = {
  list: '/packages/drop/pages/list/index',
  detail: '/packages/drop/pages/detail/index',
  orders: '/packages/drop/pages/orders/index',
} as const;

export function dropDetailUrl(dropId: number): string {
  return `${DROP_ROUTES.detail}?id=${dropId}`;
}
