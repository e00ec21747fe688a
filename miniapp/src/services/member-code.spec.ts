import { beforeEach, describe, expect, it, vi } from 'vitest';
import { storage, taro } from '@/test-support/fake-taro';
import { hotp, memberCodeAt } from '@tidepool/shared';

vi.mock('@tarojs/taro', async () => (await import('@/test-support/fake-taro')).taroModule);

import { useAppStore } from '@/stores';
import {
  clearMemberCode,
  clockSkew,
  CREDENTIAL_REFRESH_AFTER_MS,
  fetchMemberCode,
  groupMemberCode,
  isCredentialStale,
  loadMemberCode,
  MEMBER_CODE_STORAGE_KEY,
  memberCodeView,
  toStoredMemberCode,
  type StoredMemberCode,
} from './member-code';

const SECRET = '3132333435363738393031323334353637383930'; // RFC 6238's "12345678901234567890"
const credential = (over: Partial<StoredMemberCode> = {}): StoredMemberCode => ({
  handle: '1234567890',
  secret: SECRET,
  stepSeconds: 30,
  skewMs: 0,
  fetchedAt: 0,
  ...over,
});

describe('clock skew', () => {
  it('is server time minus the midpoint of the request', () => {
    const server = Date.parse('2026-11-04T02:00:10.000Z');
    expect(clockSkew('2026-11-04T02:00:10.000Z', server - 5_000, server - 3_000)).toBe(4_000);
    expect(clockSkew('2026-11-04T02:00:10.000Z', server + 60_000, server + 60_000)).toBe(-60_000);
    expect(clockSkew('not a date', 0, 10)).toBe(0);
  });

  it('is stored with the credential', () => {
    const server = Date.parse('2026-11-04T02:00:00.000Z');
    const stored = toStoredMemberCode(
      { handle: '1234567890', secret: SECRET, stepSeconds: 30, serverTime: '2026-11-04T02:00:00.000Z' },
      server - 120_000,
      server - 118_000,
    );
    expect(stored).toEqual({ ...credential(), skewMs: 119_000, fetchedAt: server - 118_000 });
  });
});

describe('memberCodeView', () => {
  it('is the shared TOTP code on the server clock (RFC 6238 vector at T=59 s → 94287082)', () => {
    expect(hotp(SECRET, 1)).toBe('94287082');
    // The device is 10 s behind the server: at device 49 s it is 59 s on the server.
    const view = memberCodeView(credential({ skewMs: 10_000 }), 49_000);
    expect(view.code).toBe('123456789094287082');
    expect(view.code).toBe(memberCodeAt(credential(), 59_000));
    expect(view.msLeft).toBe(1_000);
    expect(view.secondsLeft).toBe(1);
  });

  it('changes at each 30-second step and counts down in whole seconds', () => {
    const c = credential();
    const t0 = 1_700_000_020_000; // 10 s into a step (1_700_000_010 s is a multiple of 30)
    const a = memberCodeView(c, t0);
    expect(a.secondsLeft).toBe(20);
    expect(memberCodeView(c, t0 + 19_500).code).toBe(a.code);
    expect(memberCodeView(c, t0 + 19_500).secondsLeft).toBe(1);
    const b = memberCodeView(c, t0 + 20_000);
    expect(b.code).not.toBe(a.code);
    expect(b.code.slice(0, 10)).toBe(a.code.slice(0, 10));
    expect(b.secondsLeft).toBe(30);
  });
});

describe('groupMemberCode', () => {
  it('groups by four, masking all but the first four digits', () => {
    expect(groupMemberCode('123456789012345678', false)).toBe('1234 5678 9012 3456 78');
    expect(groupMemberCode('123456789012345678', true)).toBe('1234 **** **** **** **');
  });
});

describe('storage', () => {
  beforeEach(() => {
    storage.clear();
    taro.request.mockReset();
    useAppStore.getState().setSession('member', { token: 'm', role: 'member', storeId: null, displayName: null });
  });

  it('fetches with the member token, stores the credential and reads it back', async () => {
    const serverTime = new Date(5_000_000).toISOString();
    taro.request.mockResolvedValue({
      statusCode: 201,
      data: { handle: '1234567890', secret: SECRET, stepSeconds: 30, serverTime },
      header: {},
    });
    const clock = vi.fn().mockReturnValueOnce(1_000_000).mockReturnValueOnce(1_000_400);
    const stored = await fetchMemberCode(clock);
    const call = taro.request.mock.calls[0][0] as { url: string; method: string; header: Record<string, string> };
    expect(call).toMatchObject({ url: '/api/members/me/code-credential', method: 'POST' });
    expect(call.header.Authorization).toBe('Bearer m');
    expect(stored.skewMs).toBe(5_000_000 - 1_000_200);
    expect(loadMemberCode()).toEqual(stored);
    clearMemberCode();
    expect(loadMemberCode()).toBeNull();
  });

  it('passes NOT_SIGNED_UP through and keeps nothing', async () => {
    taro.request.mockResolvedValue({ statusCode: 403, data: { code: 'NOT_SIGNED_UP', message: 'x' }, header: {} });
    await expect(fetchMemberCode()).rejects.toMatchObject({ code: 'NOT_SIGNED_UP', message: '请先成为会员' });
    expect(loadMemberCode()).toBeNull();
  });

  it('ignores garbage in storage', () => {
    for (const raw of ['{', '{"handle":"12"}', JSON.stringify({ ...credential(), secret: 'zz' }), 42]) {
      storage.set(MEMBER_CODE_STORAGE_KEY, raw);
      expect(loadMemberCode()).toBeNull();
    }
  });

  it('is stale after the refresh interval, or when the device clock went backwards', () => {
    const c = credential({ fetchedAt: 10_000_000 });
    expect(isCredentialStale(c, 10_000_000 + 60_000)).toBe(false);
    expect(isCredentialStale(c, 10_000_000 + CREDENTIAL_REFRESH_AFTER_MS + 1)).toBe(true);
    expect(isCredentialStale(c, 9_000_000)).toBe(true);
  });
});
