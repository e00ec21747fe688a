import { Injectable, Logger } from '@nestjs/common';
import {
  STORE_BOUND_ROLES,
  type MeResponse,
  type StaffLoginResponse,
  type WechatLoginResponse,
} from '@tidepool/shared';
import type { Principal } from '../../common/auth/principal';
import { DomainException } from '../../common/errors/domain.exception';
import { MembersService } from '../members';
import { normalizeStaffUsername, type StaffAccountView, StaffService } from '../staff';
import { WechatGateway } from '../wechat';
import { AuthTokenService } from './auth-token.service';
import { LoginAttemptLimiter } from './login-attempt.limiter';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly wechat: WechatGateway,
    private readonly members: MembersService,
    private readonly staff: StaffService,
    private readonly tokens: AuthTokenService,
    private readonly attempts: LoginAttemptLimiter,
  ) {}

  /**
   * wx.login code -> code2Session -> the member (created on first login) -> our bearer token.
   * The session_key is dropped here, never stored: nothing in the membership feature needs it (the phone number
   * comes through the code-based getPhoneNumber API, not the legacy encryptedData that session_key decrypts),
   * and a secret we do not keep cannot leak. A later feature that needs it adds an encrypted column then.
   */
  async wechatLogin(code: string): Promise<WechatLoginResponse> {
    const { openid, unionid } = await this.wechat.code2Session(code);
    const { member, created } = await this.members.loginByOpenid(openid, unionid);
    this.logger.log({ msg: 'member logged in', memberId: member.id, firstLogin: created });
    return { accessToken: this.tokens.sign({ id: member.id, role: 'member', storeId: null }) };
  }

  /**
   * Unknown username and wrong password get the same answer in about the same time (see StaffService). The
   * limiter is keyed on the normalised name, so "Cashier.SH001 " spends the budget of cashier.sh001.
   */
  async staffLogin(username: string, password: string, ip: string): Promise<StaffLoginResponse> {
    const key = `${normalizeStaffUsername(username)}|${ip}`;
    await this.attempts.take(key);
    const account = await this.staff.verifyCredentials(username, password);
    if (!account) {
      this.logger.warn({ msg: 'staff login failed', username, ip });
      throw new DomainException('STAFF_LOGIN_FAILED');
    }
    await this.attempts.reset(key);
    this.logger.log({ msg: 'staff logged in', staffId: account.id, role: account.role, storeId: account.storeId });
    return this.staffSession(account);
  }

  /** Binds the caller's WeChat to the invited staff account and logs them in as that account. */
  async staffWechatBind(code: string, inviteCode: string): Promise<StaffLoginResponse> {
    const { openid } = await this.wechat.code2Session(code);
    const account = await this.staff.bindWechat(inviteCode, openid);
    this.logger.log({ msg: 'staff WeChat bound', staffId: account.id });
    return this.staffSession(account);
  }

  /** A bound staff member's login by wx.login: no password typed at the till. */
  async staffWechatLogin(code: string): Promise<StaffLoginResponse> {
    const { openid } = await this.wechat.code2Session(code);
    const account = await this.staff.findByOpenid(openid);
    if (!account) throw new DomainException('STAFF_WECHAT_NOT_BOUND');
    if (account.disabledAt) throw new DomainException('STAFF_DISABLED');
    this.logger.log({ msg: 'staff logged in with WeChat', staffId: account.id, role: account.role });
    return this.staffSession(account);
  }

  private staffSession(account: StaffAccountView): StaffLoginResponse {
    const storeId = STORE_BOUND_ROLES.includes(account.role) ? account.storeId : null;
    const accessToken = this.tokens.sign({ id: account.id, role: account.role, storeId });
    return { accessToken, role: account.role, storeId, displayName: account.displayName };
  }

  /** Who the token is, read fresh so a removed account stops answering at once. */
  async me(principal: Principal): Promise<MeResponse> {
    switch (principal.role) {
      case 'member':
      case 'promoter': {
        const member = await this.members.findById(principal.id);
        if (!member) throw new DomainException('UNAUTHENTICATED');
        return { id: member.id, role: principal.role, storeId: null, displayName: null };
      }
      case 'cashier':
      case 'store_manager':
      case 'operator': {
        const account = await this.staff.findById(principal.id);
        if (!account || account.role !== principal.role || account.disabledAt) {
          throw new DomainException('UNAUTHENTICATED');
        }
        return { id: account.id, role: account.role, storeId: principal.storeId, displayName: account.displayName };
      }
    }
  }
}
