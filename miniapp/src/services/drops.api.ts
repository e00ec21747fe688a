import {
  PAGINATION,
  type CreateDropOrderRequest,
  type DropListResponse,
  type DropOrderSummaryView,
  type DropReminderResponse,
  type DropView,
  type OrderView,
  type Page,
} from '@tidepool/shared';
import { isApiError } from './api-error';
import { request } from './http';
import { clockSkew } from './clock-skew';
import { installSessionAuth, memberRequest } from './session';

/**
 * Weekly drops (团购). The drop page calls as the member (silent login), so the member fields of a view (priority
 * purchase, my quantity, reminder) are filled in; the home card only sends a token it already holds (a guest
 * browsing the home page stays a guest). Views come with the skew of the phone's clock against the server's,
 * measured at the middle of the round trip, for the countdowns.
 */

const dropPath = (id: number, action = '') => `/api/drops/${encodeURIComponent(String(id))}${action}`;

/** A server answer and the server clock minus the phone clock when it was made, in ms. */
export interface Clocked<T> {
  value: T;
  skewMs: number;
}

async function clocked<T>(load: () => Promise<T>, serverTime: (value: T) => string | undefined): Promise<Clocked<T>> {
  const started = Date.now();
  const value = await load();
  const stamp = serverTime(value);
  return { value, skewMs: stamp ? clockSkew(stamp, started, Date.now()) : 0 };
}

/** A public route with the member's token when one is held (no login); a refused token is dropped and retried. */
async function withOptionalMember<T>(path: string): Promise<T> {
  installSessionAuth();
  try {
    return await request<T>(path, { auth: 'member' });
  } catch (error) {
    if (!isApiError(error) || error.status !== 401) throw error;
    return request<T>(path, { auth: 'member' });
  }
}

/** GET /api/drops: open now or opening within 7 days, soonest first (no login: the home page's card). */
export function listDrops(): Promise<Clocked<DropListResponse>> {
  return clocked(
    () => withOptionalMember<DropListResponse>('/api/drops'),
    (list) => list.items[0]?.serverTime,
  );
}

/** GET /api/drops/:id (404 DROP_NOT_FOUND). */
export function getDrop(id: number): Promise<Clocked<DropView>> {
  return clocked(
    () => memberRequest<DropView>(dropPath(id)),
    (drop) => drop.serverTime,
  );
}

/** POST /api/drops/:id/reminder with the subscribe-message templates the member accepted (NOT_SIGNED_UP for visitors). */
export function setDropReminder(id: number, templateIds: string[]): Promise<DropReminderResponse> {
  return memberRequest<DropReminderResponse>(dropPath(id, '/reminder'), {
    method: 'POST',
    body: { templateIds: [...templateIds] },
  });
}

/** DELETE /api/drops/:id/reminder. */
export function cancelDropReminder(id: number): Promise<DropReminderResponse> {
  return memberRequest<DropReminderResponse>(dropPath(id, '/reminder'), { method: 'DELETE' });
}

/**
 * POST /api/drops/:id/orders: an ordinary unpaid order at the drop price. Idempotent by `clientOrderId`.
 * Refusals: DROP_NOT_OPEN, DROP_ENDED, DROP_SOLD_OUT, DROP_LIMIT_REACHED, NOT_SIGNED_UP, STORE_NOT_FOUND.
 */
export function createDropOrder(dropId: number, body: CreateDropOrderRequest): Promise<OrderView> {
  return memberRequest<OrderView>(dropPath(dropId, '/orders'), { method: 'POST', body: { ...body } });
}

/** GET /api/drops/orders/mine: 我的团购订单, newest first. */
export function listMyDropOrders(
  page: number,
  pageSize: number = PAGINATION.defaultPageSize,
): Promise<Page<DropOrderSummaryView>> {
  return memberRequest<Page<DropOrderSummaryView>>('/api/drops/orders/mine', { query: { page, pageSize } });
}
