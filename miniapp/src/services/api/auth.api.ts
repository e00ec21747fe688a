import type { StaffLoginRequest, StaffLoginResponse, WechatLoginResponse } from '@tidepool/shared';
import { http } from '../http';

/** POST /api/auth/wechat-login with the `Taro.login()` code (on H5, the dev gateway's `dev-<deviceId>`). */
export function wechatLogin(code: string): Promise<WechatLoginResponse> {
  return http.post<WechatLoginResponse>('/api/auth/wechat-login', { code });
}

/** POST /api/auth/staff-login (门店模式). A wrong account or password is 401 STAFF_LOGIN_FAILED. */
export function staffLogin(request: StaffLoginRequest): Promise<StaffLoginResponse> {
  return http.post<StaffLoginResponse>('/api/auth/staff-login', {
    username: request.username.trim(),
    password: request.password,
  });
}
