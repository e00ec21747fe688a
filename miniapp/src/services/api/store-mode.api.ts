import type { OrderPickupView, StoreMemberSummary, StoreSignupCodeResponse, VoucherView } from '@tidepool/shared';
import { staffRequest } from '../session';

/** POST /api/store-mode/scans: the member behind a scanned or typed member code (spaces are dropped). */
export function scanMemberCode(code: string): Promise<StoreMemberSummary> {
  return staffRequest<StoreMemberSummary>('/api/store-mode/scans', {
    method: 'POST',
    body: { code: code.replace(/\s+/g, '') },
  });
}

/** GET /api/store-mode/scans/:scanId: the member card again (points after a sale, coupons left). */
export function refreshScan(scanId: number): Promise<StoreMemberSummary> {
  return staffRequest<StoreMemberSummary>(`/api/store-mode/scans/${encodeURIComponent(String(scanId))}`);
}

/** POST /api/store-mode/vouchers/:voucherId/redeem (核销), within the scan that showed the voucher. */
export function redeemVoucher(voucherId: number, scanId: number): Promise<VoucherView> {
  return staffRequest<VoucherView>(`/api/store-mode/vouchers/${encodeURIComponent(String(voucherId))}/redeem`, {
    method: 'POST',
    body: { scanId },
  });
}

/** GET /api/stores/:storeId/signup-code: the store's signup code, or (staff) the cashier's own. */
export function getStoreSignupCode(
  storeId: number,
  options: { staff?: boolean } = {},
): Promise<StoreSignupCodeResponse> {
  return staffRequest<StoreSignupCodeResponse>(`/api/stores/${encodeURIComponent(String(storeId))}/signup-code`, {
    query: { staff: options.staff ? 1 : undefined },
  });
}

/** POST /api/store-mode/order-pickups/lookup: the order a pickup code belongs to (nothing changes). */
export function lookUpOrderPickup(pickupCode: string): Promise<OrderPickupView> {
  return staffRequest<OrderPickupView>('/api/store-mode/order-pickups/lookup', {
    method: 'POST',
    body: { pickupCode },
  });
}

/** POST /api/store-mode/order-pickups (核销自提): hands the order over, once, at its own store. */
export function handOverOrderPickup(pickupCode: string): Promise<OrderPickupView> {
  return staffRequest<OrderPickupView>('/api/store-mode/order-pickups', { method: 'POST', body: { pickupCode } });
}
