import {
  PAGINATION,
  type CreateRedemptionRequest,
  type GiftDetail,
  type GiftPickupResult,
  type GiftSummary,
  type Page,
  type RedemptionView,
} from '@tidepool/shared';
import { http } from '../http';
import { memberRequest, staffRequest } from '../session';

/** GET /api/points-mall/gifts (public): active gifts in the operator's order. */
export function listGifts(page: number, pageSize: number = PAGINATION.defaultPageSize): Promise<Page<GiftSummary>> {
  return http.get<Page<GiftSummary>>('/api/points-mall/gifts', { page, pageSize });
}

/** GET /api/points-mall/gifts/:id (public; 404 GIFT_NOT_FOUND). */
export function getGift(id: number): Promise<GiftDetail> {
  return http.get<GiftDetail>(`/api/points-mall/gifts/${encodeURIComponent(String(id))}`);
}

/**
 * POST /api/points-mall/redemptions. Send the same `clientRequestId` again to retry the same attempt: the server
 * answers with the same redemption and never spends twice.
 */
export function redeemGift(body: CreateRedemptionRequest): Promise<RedemptionView> {
  return memberRequest<RedemptionView>('/api/points-mall/redemptions', {
    method: 'POST',
    body: {
      giftId: body.giftId,
      clientRequestId: body.clientRequestId,
      fulfilment: body.fulfilment,
      ...(body.address ? { address: { ...body.address } } : {}),
    },
  });
}

/** GET /api/points-mall/me/redemptions: the member's gifts, newest first. */
export function listMyRedemptions(page: number, pageSize: number = PAGINATION.defaultPageSize) {
  return memberRequest<Page<RedemptionView>>('/api/points-mall/me/redemptions', { query: { page, pageSize } });
}

/** POST /api/store-mode/gift-pickups (核销礼品): 404 unknown code, 409 already picked up. */
export function pickUpGift(pickupCode: string): Promise<GiftPickupResult> {
  return staffRequest<GiftPickupResult>('/api/store-mode/gift-pickups', { method: 'POST', body: { pickupCode } });
}
