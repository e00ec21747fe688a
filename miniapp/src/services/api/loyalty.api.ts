import {
  PAGINATION,
  type Page,
  type PointsBalanceResponse,
  type PointsHistoryEntry,
  type TierResponse,
} from '@tidepool/shared';
import { memberRequest } from '../session';

/** GET /api/loyalty/me/points: available, debt and what expires soon. */
export function getPointsBalance(): Promise<PointsBalanceResponse> {
  return memberRequest<PointsBalanceResponse>('/api/loyalty/me/points');
}

/** GET /api/loyalty/me/points/history (积分明细), newest first. */
export function listPointsHistory(page: number, pageSize: number = PAGINATION.defaultPageSize) {
  return memberRequest<Page<PointsHistoryEntry>>('/api/loyalty/me/points/history', { query: { page, pageSize } });
}

/** GET /api/loyalty/me/tier: progress to the next tier and every tier's benefits. */
export function getTier(): Promise<TierResponse> {
  return memberRequest<TierResponse>('/api/loyalty/me/tier');
}
