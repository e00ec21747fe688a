/**
 * Who may call a route. A cashier and a store manager are bound to one store (the manager runs that store's
 * orders, pickups, staff and figures in the console); an operator runs the whole brand; a promoter is a member
 * who shares.
 */
export const ROLES = ['member', 'promoter', 'cashier', 'store_manager', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** The roles a staff account may have. */
export const STAFF_ROLE_NAMES = ['cashier', 'store_manager', 'operator'] as const;
export type StaffRoleName = (typeof STAFF_ROLE_NAMES)[number];

/** The roles whose token names the one store they act in. */
export const STORE_BOUND_ROLES: readonly Role[] = ['cashier', 'store_manager'];

/** The roles that may open the operator console. */
export const CONSOLE_ROLES = ['operator', 'store_manager'] as const;

/** POST /api/auth/wechat-login: the code from `wx.login`. */
export interface WechatLoginRequest {
  code: string;
}

export interface WechatLoginResponse {
  accessToken: string;
}

/** POST /api/auth/staff-login */
export interface StaffLoginRequest {
  username: string;
  password: string;
}

export interface StaffLoginResponse {
  accessToken: string;
  role: StaffRoleName;
  /** The store a cashier or store manager acts in; null for operators. */
  storeId: number | null;
  displayName: string;
}

/** GET /api/me: who the bearer token is. */
export interface MeResponse {
  /** Member id for member/promoter, staff account id for cashier/operator. */
  id: number;
  role: Role;
  storeId: number | null;
  /** Staff display name; null for members (they have no name until they choose to share one). */
  displayName: string | null;
}

/** POST /api/auth/staff-wechat-bind: a staff member binds their WeChat with an operator's invite (then logged in). */
export interface StaffWechatBindRequest {
  code: string;
  inviteCode: string;
}

/** POST /api/auth/staff-wechat-login: a bound staff member logs in with wx.login. Answers StaffLoginResponse. */
export interface StaffWechatLoginRequest {
  code: string;
}

/** POST /api/admin/staff/:id/wechat-invite (operator) */
export interface StaffWechatInviteResponse {
  inviteCode: string;
  expiresAt: string;
}
