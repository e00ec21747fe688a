import type {
  MemberCenterResponse,
  MemberCodeCredentialResponse,
  PersonalDataExport,
  SignupCodeInfo,
  SignupRequest,
  VoucherListResponse,
  VoucherStatus,
} from '@tidepool/shared';
import { http } from '../http';
import { memberRequest } from '../session';

/** GET /api/signup-codes/:token (public): the store behind a scanned signup code (404 SIGNUP_CODE_NOT_FOUND). */
export function getSignupCodeInfo(token: string): Promise<SignupCodeInfo> {
  return http.get<SignupCodeInfo>(`/api/signup-codes/${encodeURIComponent(token)}`);
}

/** GET /api/members/me: the member card; `signedUp: false` before signup. */
export function getMemberCenter(): Promise<MemberCenterResponse> {
  return memberRequest<MemberCenterResponse>('/api/members/me');
}

/** POST /api/members/signup (成为会员). Idempotent. */
export function signUp(body: SignupRequest): Promise<MemberCenterResponse> {
  return memberRequest<MemberCenterResponse>('/api/members/signup', {
    method: 'POST',
    body: {
      phoneCode: body.phoneCode,
      consentVersion: body.consentVersion,
      ...(body.birthday ? { birthday: body.birthday } : {}),
      ...(body.signupToken ? { signupToken: body.signupToken } : {}),
    },
  });
}

/** PUT /api/members/me/birthday: once only (409 BIRTHDAY_ALREADY_SET). */
export function setBirthday(birthday: string): Promise<MemberCenterResponse> {
  return memberRequest<MemberCenterResponse>('/api/members/me/birthday', { method: 'PUT', body: { birthday } });
}

/** POST /api/members/me/code-credential: a new member-code secret (replaces the previous one). */
export function issueMemberCodeCredential(): Promise<MemberCodeCredentialResponse> {
  return memberRequest<MemberCodeCredentialResponse>('/api/members/me/code-credential', { method: 'POST' });
}

/** GET /api/members/me/vouchers?status= */
export function listMyVouchers(status: VoucherStatus): Promise<VoucherListResponse> {
  return memberRequest<VoucherListResponse>('/api/members/me/vouchers', { query: { status } });
}

/** GET /api/members/me/export: everything kept about the member (PIPL). */
export function exportPersonalData(): Promise<PersonalDataExport> {
  return memberRequest<PersonalDataExport>('/api/members/me/export');
}

/** DELETE /api/members/me (204): the account is anonymised; the caller signs out locally. */
export function deleteMyAccount(): Promise<void> {
  return memberRequest<void>('/api/members/me', { method: 'DELETE' });
}
