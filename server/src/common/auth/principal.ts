import { DomainException } from '../errors/domain.exception';
import type { Role } from '@tidepool/shared';
import type { FastifyRequest } from 'fastify';

/** Who a verified bearer token says the caller is. `id` is a member id or a staff account id, by role. */
export interface Principal {
  id: number;
  role: Role;
  /** The one store a cashier or store manager acts in; null for every other role. */
  storeId: number | null;
}

export const MEMBER_ROLES: readonly Role[] = ['member', 'promoter'];
export const STAFF_ROLES: readonly Role[] = ['cashier', 'store_manager', 'operator'];

/**
 * The store an admin caller is confined to: null for a brand operator (every store), the manager's own store for
 * a store manager. Services filter by it in SQL, so another store's object is simply not found (404), never
 * revealed as forbidden.
 */
export type StoreScope = { storeId: number | null };

export function storeScopeOf(principal: Principal): StoreScope {
  if (principal.role === 'operator') return { storeId: null };
  if (principal.role === 'store_manager' && principal.storeId !== null) return { storeId: principal.storeId };
  throw new DomainException('FORBIDDEN');
}

/** The auth guard attaches the principal here for @CurrentUser(). */
export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** The store a cashier acts in; anyone else (or a cashier token without a store) is refused. */
export function cashierStoreId(principal: Principal): number {
  if (principal.role !== 'cashier' || principal.storeId === null) throw new DomainException('FORBIDDEN');
  return principal.storeId;
}
