import { beforeEach, describe, expect, it, vi } from 'vitest';
import { json, requestCalls as calls, storage, taro, type RequestCall as Call } from '@/test-support/fake-taro';

vi.mock('@tarojs/taro', async () => (await import('@/test-support/fake-taro')).taroModule);

import { useAppStore } from '@/stores';
import {
  captureReferral,
  installReferralCapture,
  PENDING_REFERRAL_TTL_MS,
  readPendingReferral,
  REFERRAL_STORAGE_KEY,
  reportPendingReferral,
  handleAppEntry,
} from './distribution-referral';
import { ensureMemberLogin } from './session';

const visits = () => calls().filter((c) => c.url === '/api/distribution/visits');
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function answer(outcome: string, referred = true) {
  return json(201, { referred, outcome, targetType: 'PRODUCT', targetId: 3 });
}

describe('readPendingReferral', () => {
  const now = 1_800_000_000_000;
  it('keeps a fresh, well-formed token', () => {
    expect(readPendingReferral({ token: 'Ab1', capturedAt: now - 1000, viewCounted: true }, now)).toEqual({
      token: 'Ab1',
      capturedAt: now - 1000,
      viewCounted: true,
    });
  });
  it('forgets a stale, forged or shapeless one', () => {
    expect(readPendingReferral({ token: 'Ab1', capturedAt: now - PENDING_REFERRAL_TTL_MS - 1 }, now)).toBeNull();
    expect(readPendingReferral({ token: 'a b', capturedAt: now }, now)).toBeNull();
    expect(readPendingReferral({ token: 'Ab1' }, now)).toBeNull();
    expect(readPendingReferral('Ab1', now)).toBeNull();
    expect(readPendingReferral(null, now)).toBeNull();
  });
});

describe('referral capture', () => {
  beforeEach(() => {
    storage.clear();
    taro.request.mockReset();
    taro.login.mockReset();
    taro.navigateTo.mockReset();
    taro.navigateTo.mockResolvedValue(undefined);
    taro.login.mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' });
    useAppStore.getState().signOut('member');
  });

  it('a guest: counts the view anonymously, keeps the token, binds it right after login, then forgets it', async () => {
    installReferralCapture();
    taro.request.mockResolvedValueOnce(answer('ANONYMOUS'));
    expect(captureReferral({ id: '3', rt: 'Tok123' })).toBe('Tok123');
    await reportPendingReferral();
    expect(visits()).toHaveLength(1);
    expect(visits()[0]).toMatchObject({ method: 'POST', data: { token: 'Tok123' } });
    expect(visits()[0]?.header.Authorization).toBeUndefined();
    expect(storage.get(REFERRAL_STORAGE_KEY)).toMatchObject({ token: 'Tok123', viewCounted: true });

    // A second show of the same card does not count the view again.
    captureReferral({ rt: 'Tok123' });
    await reportPendingReferral();
    expect(visits()).toHaveLength(1);

    taro.request.mockResolvedValueOnce(json(201, { accessToken: 'member-tok' })).mockResolvedValueOnce(answer('BOUND'));
    await ensureMemberLogin();
    expect(visits()).toHaveLength(2);
    expect(visits()[1]?.header.Authorization).toBe('Bearer member-tok');
    expect(storage.has(REFERRAL_STORAGE_KEY)).toBe(false);
    // One person, one visitor (issue 12, defect 3): both visits carry the phone's visitor id, so the server links
    // the anonymous view to the member.
    const ids = visits().map((v) => (v.data as { visitorId?: string }).visitorId);
    expect(ids[0]).toMatch(/^[A-Za-z0-9_-]{8,32}$/);
    expect(ids[1]).toBe(ids[0]);
  });

  it('a logged-in member binds at once', async () => {
    useAppStore.getState().setSession('member', { token: 'm1', role: 'member', storeId: null, displayName: null });
    taro.request.mockResolvedValueOnce(answer('KEPT'));
    captureReferral({ scene: 'Poster9' });
    await reportPendingReferral();
    expect(visits()).toHaveLength(1);
    expect(visits()[0]?.header.Authorization).toBe('Bearer m1');
    expect(storage.has(REFERRAL_STORAGE_KEY)).toBe(false);
  });

  it('a forged token sends nothing; an unknown one is answered unreferred and forgotten, never thrown', async () => {
    expect(captureReferral({ rt: '../../etc' })).toBeNull();
    await reportPendingReferral();
    expect(calls()).toHaveLength(0);

    taro.request.mockResolvedValueOnce(answer('UNREFERRED', false));
    captureReferral({ rt: 'Unknown1' });
    await reportPendingReferral();
    expect(visits()).toHaveLength(1);
    expect(storage.has(REFERRAL_STORAGE_KEY)).toBe(false);
  });

  it('a failed report keeps the token for the next chance', async () => {
    taro.request.mockRejectedValueOnce(new Error('offline'));
    captureReferral({ rt: 'Tok5' });
    await reportPendingReferral();
    expect(storage.get(REFERRAL_STORAGE_KEY)).toMatchObject({ token: 'Tok5', viewCounted: false });
    taro.request.mockResolvedValueOnce(answer('ANONYMOUS'));
    await reportPendingReferral();
    expect(storage.get(REFERRAL_STORAGE_KEY)).toMatchObject({ token: 'Tok5', viewCounted: true });
  });

  it('a poster code opening home sends the visitor on to the product; a forged one stays home', async () => {
    taro.request.mockImplementation((req: Call) =>
      Promise.resolve(
        req.url.startsWith('/api/distribution/tokens/')
          ? json(200, { valid: true, targetType: 'PRODUCT', targetId: 3 })
          : answer('ANONYMOUS'),
      ),
    );
    handleAppEntry({ path: 'pages/index/index', query: { scene: 'Poster1' } }, true);
    await flush();
    await flush();
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/product/pages/detail/index?id=3' });

    taro.navigateTo.mockClear();
    taro.request.mockImplementation(() =>
      Promise.resolve(json(200, { valid: false, targetType: null, targetId: null })),
    );
    handleAppEntry({ path: 'pages/index/index', query: { scene: 'Forged1' } }, true);
    await flush();
    await flush();
    expect(taro.navigateTo).not.toHaveBeenCalled();
    // A product page opened with a token is already the target.
    handleAppEntry({ path: 'packages/product/pages/detail/index', query: { id: '3', rt: 'Card1' } }, true);
    await flush();
    expect(taro.navigateTo).not.toHaveBeenCalled();
  });
});
