import Taro from '@tarojs/taro';
import { useAppStore } from '@/stores';
import type { SessionKind } from '@/stores/session.slice';
import { wechatLogin } from './api/auth.api';
import { ApiError, isApiError, networkError } from './api-error';
import { isH5 } from './env';
import { request, setAuthProvider, type RequestOptions } from './http';

let installed = false;

/** Lets the HTTP client read tokens from the store and forget one the server refused. Idempotent. */
export function installSessionAuth(): void {
  if (installed) return;
  installed = true;
  setAuthProvider({
    token: (kind) => useAppStore.getState().session[kind]?.token ?? null,
    onUnauthorized: (kind) => useAppStore.getState().signOut(kind),
  });
}

export const DEVICE_ID_KEY = 'tidepool-device-id';

/**
 * The browser demo's stand-in for a WeChat identity: a random id kept in storage, sent as `dev-<id>` (the dev
 * gateway maps it to a stable openid, so the browser comes back as the same member).
 */
export function deviceId(): string {
  const stored: unknown = Taro.getStorageSync(DEVICE_ID_KEY);
  if (typeof stored === 'string' && /^[a-z0-9]{16,}$/.test(stored)) return stored;
  let id = '';
  while (id.length < 24) id += Math.random().toString(36).slice(2);
  id = id.slice(0, 24);
  Taro.setStorageSync(DEVICE_ID_KEY, id);
  return id;
}

/** A new browser identity (after the account was deleted, the demo behaves like a new WeChat user). */
export function resetDeviceId(): void {
  Taro.removeStorageSync(DEVICE_ID_KEY);
}

async function loginCode(): Promise<string> {
  if (isH5()) return `dev-${deviceId()}`;
  let code: string | undefined;
  try {
    ({ code } = await Taro.login());
  } catch {
    throw networkError();
  }
  if (!code) throw new ApiError('WECHAT_CODE_INVALID', 0);
  return code;
}

let pendingLogin: Promise<string> | null = null;

type MemberLoginHook = () => Promise<void>;
const loginHooks: MemberLoginHook[] = [];

/**
 * Work to do right after a new member login, before the login resolves (e.g. merging the guest cart, so the first
 * member request already sees it). A failing hook is logged and never fails the login. Returns an unsubscribe.
 */
export function onMemberLogin(hook: MemberLoginHook): () => void {
  loginHooks.push(hook);
  return () => {
    const index = loginHooks.indexOf(hook);
    if (index >= 0) loginHooks.splice(index, 1);
  };
}

async function runLoginHooks(): Promise<void> {
  for (const hook of [...loginHooks]) {
    try {
      await hook();
    } catch (error) {
      console.warn('[session] a member-login hook failed', error);
    }
  }
}

/**
 * The member's token, logging in silently when there is none (weapp: `Taro.login`; H5: the dev code). Concurrent
 * callers share one login. Logging in is not signing up: `GET /api/members/me` says whether the member has.
 */
export function ensureMemberLogin(): Promise<string> {
  installSessionAuth();
  const current = useAppStore.getState().session.member?.token;
  if (current) return Promise.resolve(current);
  pendingLogin ??= (async () => {
    const { accessToken } = await wechatLogin(await loginCode());
    useAppStore.getState().setSession('member', {
      token: accessToken,
      role: 'member',
      storeId: null,
      displayName: null,
    });
    await runLoginHooks();
    return accessToken;
  })().finally(() => {
    pendingLogin = null;
  });
  return pendingLogin;
}

/** A call as the member: logs in first, and once more if the token was refused (expired) on the way. */
export async function memberRequest<T>(path: string, options: Omit<RequestOptions, 'auth'> = {}): Promise<T> {
  await ensureMemberLogin();
  try {
    return await request<T>(path, { ...options, auth: 'member' });
  } catch (error) {
    if (!isApiError(error) || error.status !== 401) throw error;
    await ensureMemberLogin();
    return request<T>(path, { ...options, auth: 'member' });
  }
}

/** A call as the cashier (store mode). No silent login: a refused token sends the cashier back to the login page. */
export function staffRequest<T>(path: string, options: Omit<RequestOptions, 'auth'> = {}): Promise<T> {
  installSessionAuth();
  return request<T>(path, { ...options, auth: 'staff' });
}

export function signOut(kind: SessionKind): void {
  useAppStore.getState().signOut(kind);
}
