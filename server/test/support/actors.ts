import { PRIVACY_TERMS_VERSION, type MemberCodeCredentialResponse } from '@tidepool/shared';
import type { TestApp } from './test-app';

/** Helpers that act as the people in the flows: a WeChat member, a cashier, an operator. */
export interface Actor {
  token: string;
  headers: { authorization: string };
}

const actor = (token: string): Actor => ({ token, headers: { authorization: `Bearer ${token}` } });

export async function memberLogin(t: TestApp, name: string): Promise<Actor> {
  const res = await t.inject({ method: 'POST', url: '/api/auth/wechat-login', payload: { code: `dev-${name}` } });
  if (res.statusCode !== 200) throw new Error(`login ${name}: ${res.statusCode} ${res.body}`);
  return actor(res.json<{ accessToken: string }>().accessToken);
}

export async function staffLogin(t: TestApp, username: string): Promise<Actor> {
  const res = await t.inject({
    method: 'POST',
    url: '/api/auth/staff-login',
    payload: { username, password: 'tidepool123' },
  });
  if (res.statusCode !== 200) throw new Error(`staff login ${username}: ${res.statusCode} ${res.body}`);
  return actor(res.json<{ accessToken: string }>().accessToken);
}

export async function signupToken(t: TestApp, cashier: Actor, storeId = 1, staff = false): Promise<string> {
  const res = await t.inject({
    method: 'GET',
    url: `/api/stores/${storeId}/signup-code${staff ? '?staff=1' : ''}`,
    headers: cashier.headers,
  });
  if (res.statusCode !== 200) throw new Error(`signup code: ${res.statusCode} ${res.body}`);
  return res.json<{ token: string }>().token;
}

/** Logs in and signs up (phone via the dev gateway's `dev-phone-<digits>` code). */
export async function signedUpMember(
  t: TestApp,
  name: string,
  phone: string,
  extra: { signupToken?: string; birthday?: string } = {},
): Promise<Actor> {
  const member = await memberLogin(t, name);
  const res = await t.inject({
    method: 'POST',
    url: '/api/members/signup',
    headers: member.headers,
    payload: { phoneCode: `dev-phone-${phone}`, consentVersion: PRIVACY_TERMS_VERSION, ...extra },
  });
  if (res.statusCode !== 200) throw new Error(`signup ${name}: ${res.statusCode} ${res.body}`);
  return member;
}

export async function codeCredential(t: TestApp, member: Actor): Promise<MemberCodeCredentialResponse> {
  const res = await t.inject({ method: 'POST', url: '/api/members/me/code-credential', headers: member.headers });
  if (res.statusCode !== 200) throw new Error(`credential: ${res.statusCode} ${res.body}`);
  return res.json<MemberCodeCredentialResponse>();
}
