import type {
  Page,
  TillPurchaseRequest,
  TillQuoteRequest,
  TillQuoteResponse,
  TillTransactionView,
} from '@tidepool/shared';
import { staffRequest } from '../session';

/** Till purchases in store mode (门店消费). Cashier token; the cashier's own store only. */

/** POST /api/store-mode/purchases/quote: breakdown, payable, points and growth the sale would earn. */
export function quoteTillPurchase(body: TillQuoteRequest): Promise<TillQuoteResponse> {
  return staffRequest<TillQuoteResponse>('/api/store-mode/purchases/quote', {
    method: 'POST',
    body: { ...body },
  });
}

/** POST /api/store-mode/purchases: records the sale; the same clientId again answers the same sale. */
export function recordTillPurchase(body: TillPurchaseRequest): Promise<TillTransactionView> {
  return staffRequest<TillTransactionView>('/api/store-mode/purchases', { method: 'POST', body: { ...body } });
}

/** GET /api/store-mode/purchases: this store's sales, newest first. */
export function listTillSales(page: number, pageSize = 20): Promise<Page<TillTransactionView>> {
  return staffRequest<Page<TillTransactionView>>('/api/store-mode/purchases', { query: { page, pageSize } });
}

/** GET /api/store-mode/purchases/:id */
export function getTillSale(id: number): Promise<TillTransactionView> {
  return staffRequest<TillTransactionView>(`/api/store-mode/purchases/${encodeURIComponent(String(id))}`);
}

/** POST /api/store-mode/purchases/:id/refund: reverses the points and growth, returns the coupons. */
export function refundTillSale(id: number): Promise<TillTransactionView> {
  return staffRequest<TillTransactionView>(`/api/store-mode/purchases/${encodeURIComponent(String(id))}/refund`, {
    method: 'POST',
  });
}
