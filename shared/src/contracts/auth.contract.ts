/** Who may call a route. A cashier is bound to one store; a promoter is a member who shares (later issue). */
export const ROLES = ['member', 'promoter', 'cashier', 'operator'] as const;
export type Role = (typeof ROLES)[number];

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
  role: Extract<Role, 'cashier' | 'operator'>;
  /** The store a cashier acts in; null for operators. */
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
