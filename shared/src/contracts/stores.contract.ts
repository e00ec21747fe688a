import type { PageQuery } from './pagination.contract';
import type { StaffRoleName } from './auth.contract';

/** `HH:MM`, 24-hour clock, 00:00–23:59 (a store's opening and closing time, in the store's own zone). */
export const BUSINESS_TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** GET /api/admin/stores, GET /api/admin/stores/:id */
export interface AdminStoreView {
  id: number;
  code: string;
  name: string;
  address: string;
  /** IANA zone, e.g. Asia/Shanghai. */
  timeZone: string;
  latitude: number | null;
  longitude: number | null;
  /** `HH:MM` in the store's zone; null when not set. A closing time before the opening time means past midnight. */
  opensAt: string | null;
  closesAt: string | null;
  pickupEnabled: boolean;
  /** Accounts bound to the store, disabled ones included. */
  staffCount: number;
  createdAt: string;
}

/** GET /api/admin/stores?q=&page=&pageSize= (q: part of the name or code). */
export interface AdminStoreQuery extends PageQuery {
  q?: string;
}

/** POST /api/admin/stores (operator) and PUT /api/admin/stores/:id (every field; code unique). */
export interface SaveStoreRequest {
  code: string;
  name: string;
  address?: string;
  timeZone: string;
  latitude?: number | null;
  longitude?: number | null;
  opensAt?: string | null;
  closesAt?: string | null;
  pickupEnabled?: boolean;
}

/** GET /api/admin/stores/:id/signup-code: what the print page shows beside the image. */
export interface AdminStoreSignupCodeView {
  storeId: number;
  storeName: string;
  token: string;
  /** The mini program page the code opens (the token arrives as `scene`). */
  page: string;
  /** The same signup in the H5 storefront. */
  h5Url: string;
  /** GET this (with the bearer token) for the print-size PNG. */
  imagePath: string;
}

/** The staff roles an admin may create (operators are made by `pnpm setup:brand`, not in the console). */
export const CREATABLE_STAFF_ROLES = ['cashier', 'store_manager'] as const;
export type CreatableStaffRole = (typeof CREATABLE_STAFF_ROLES)[number];

/** GET /api/admin/staff, GET /api/admin/staff/:id. Never the password hash or the invite code. */
export interface AdminStaffView {
  id: number;
  username: string;
  role: StaffRoleName;
  storeId: number | null;
  storeName: string | null;
  displayName: string;
  wechatBound: boolean;
  /** When the pending WeChat-binding invite lapses; null when none is pending. */
  inviteExpiresAt: string | null;
  disabledAt: string | null;
  createdAt: string;
}

/** GET /api/admin/staff?storeId=&role=&q=&status=active|disabled&page= */
export interface AdminStaffQuery extends PageQuery {
  storeId?: number;
  role?: StaffRoleName;
  q?: string;
  status?: 'active' | 'disabled';
}

/** POST /api/admin/staff. A store manager may create cashiers of their own store only. */
export interface CreateStaffRequest {
  /** Stored trimmed and lower-cased (usernames are case-insensitive). */
  username: string;
  /** At least 8 characters. */
  password: string;
  role: CreatableStaffRole;
  storeId: number;
  displayName: string;
}

/** PUT /api/admin/staff/:id/password → 204: the new password is chosen by the admin and told in person. */
export interface ResetStaffPasswordRequest {
  password: string;
}

// POST /api/admin/staff/:id/disable | enable → AdminStaffView. A disabled account cannot log in, and its tokens stop working.
