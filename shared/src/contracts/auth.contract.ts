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
