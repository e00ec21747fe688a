import type { ShareTargetType } from '@tidepool/shared';

/** Pages of the promoter subpackage (packages/promoter), for links from the main package and other subpackages. */
export const PROMOTER_ROUTES = {
  apply: '/packages/promoter/pages/apply/index',
  center: '/packages/promoter/pages/center/index',
  commissions: '/packages/promoter/pages/commissions/index',
  customers: '/packages/promoter/pages/customers/index',
  team: '/packages/promoter/pages/team/index',
  materials: '/packages/promoter/pages/materials/index',
  shares: '/packages/promoter/pages/shares/index',
  withdraw: '/packages/promoter/pages/withdraw/index',
  poster: '/packages/promoter/pages/poster/index',
} as const;

/** The poster page for a product, a drop, or the store (no id). */
export function posterUrl(targetType: ShareTargetType, targetId?: number | null): string {
  return `${PROMOTER_ROUTES.poster}?type=${targetType}${targetId ? `&id=${targetId}` : ''}`;
}
