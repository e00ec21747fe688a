import Taro from '@tarojs/taro';
import { MEMBER_CODE, memberCodeAt, msUntilNextStep, type MemberCodeCredentialResponse } from '@tidepool/shared';
import { issueMemberCodeCredential } from './api/members.api';
import { clockSkew } from './clock-skew';

export { clockSkew } from './clock-skew';

/**
 * The member code (会员码) on the phone: the server hands out a credential once (POST
 * /api/members/me/code-credential); the phone keeps it and computes the rotating 18-digit code itself, so the
 * code still works at a till with no network. The phone's clock may be off: the offset to the server's clock at
 * fetch time (skew) is kept with the credential and added to `Date.now()`.
 */
export interface StoredMemberCode {
  handle: string;
  secret: string;
  stepSeconds: number;
  /** Server time minus device time when fetched, in ms. */
  skewMs: number;
  /** Device time of the fetch (ms), to decide when to fetch a fresh one. */
  fetchedAt: number;
}

export const MEMBER_CODE_STORAGE_KEY = 'tidepool-member-code';

/** A cached credential older than this is replaced in the background when the code page opens (online). */
export const CREDENTIAL_REFRESH_AFTER_MS = 12 * 60 * 60 * 1000;

export function toStoredMemberCode(
  response: MemberCodeCredentialResponse,
  requestStartedAt: number,
  responseAt: number,
): StoredMemberCode {
  return {
    handle: response.handle,
    secret: response.secret,
    stepSeconds: response.stepSeconds > 0 ? response.stepSeconds : MEMBER_CODE.stepSeconds,
    skewMs: clockSkew(response.serverTime, requestStartedAt, responseAt),
    fetchedAt: responseAt,
  };
}

export interface MemberCodeView {
  /** The 18 digits to show and encode. */
  code: string;
  /** Whole seconds until it changes (1..stepSeconds), for the countdown. */
  secondsLeft: number;
  /** Milliseconds until it changes, to schedule the next refresh exactly. */
  msLeft: number;
}

/** The code shown at device time `deviceNow`, on the server's clock. */
export function memberCodeView(credential: StoredMemberCode, deviceNow: number): MemberCodeView {
  const now = deviceNow + credential.skewMs;
  const msLeft = msUntilNextStep(now, credential.stepSeconds);
  return {
    code: memberCodeAt(credential, now),
    msLeft,
    secondsLeft: Math.max(1, Math.ceil(msLeft / 1000)),
  };
}

/** "1234 5678 9012 3456 78"; masked keeps the first four: "1234 **** **** **** **" (as WeChat shows pay codes). */
export function groupMemberCode(code: string, masked: boolean): string {
  const shown = masked ? code.slice(0, 4) + code.slice(4).replace(/\d/g, '*') : code;
  return shown.replace(/(.{4})(?=.)/g, '$1 ');
}

export function isCredentialStale(credential: StoredMemberCode, deviceNow: number): boolean {
  return deviceNow - credential.fetchedAt > CREDENTIAL_REFRESH_AFTER_MS || deviceNow < credential.fetchedAt;
}

function isStoredMemberCode(value: unknown): value is StoredMemberCode {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.handle === 'string' &&
    /^\d{10}$/.test(v.handle) &&
    typeof v.secret === 'string' &&
    /^[0-9a-f]+$/i.test(v.secret) &&
    typeof v.stepSeconds === 'number' &&
    typeof v.skewMs === 'number' &&
    typeof v.fetchedAt === 'number'
  );
}

export function loadMemberCode(): StoredMemberCode | null {
  const raw: unknown = Taro.getStorageSync(MEMBER_CODE_STORAGE_KEY);
  if (typeof raw !== 'string' || raw === '') return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isStoredMemberCode(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveMemberCode(credential: StoredMemberCode): void {
  Taro.setStorageSync(MEMBER_CODE_STORAGE_KEY, JSON.stringify(credential));
}

export function clearMemberCode(): void {
  Taro.removeStorageSync(MEMBER_CODE_STORAGE_KEY);
}

/** Fetches a new credential (the old one stops working on the server), stores and returns it. */
export async function fetchMemberCode(now: () => number = Date.now): Promise<StoredMemberCode> {
  const started = now();
  const response = await issueMemberCodeCredential();
  const credential = toStoredMemberCode(response, started, now());
  saveMemberCode(credential);
  return credential;
}
