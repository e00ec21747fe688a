import { beforeEach, describe, expect, it, vi } from 'vitest';
import { json, requestCalls as calls, storage, taro } from '@/test-support/fake-taro';

vi.mock('@tarojs/taro', async () => (await import('@/test-support/fake-taro')).taroModule);

import { useAppStore } from '@/stores';
import { getDrop, listDrops } from './drops.api';

const member = { token: 'tok-old', role: 'member' as const, storeId: null, displayName: null };

describe('drops API', () => {
  beforeEach(() => {
    storage.clear();
    taro.request.mockReset();
    taro.login.mockReset();
    taro.login.mockResolvedValue({ code: 'wx-code', errMsg: 'login:ok' });
    useAppStore.getState().signOut('member');
  });

  it('lists drops for a guest without logging in (the home card must not make a session)', async () => {
    taro.request.mockResolvedValue(json(200, { items: [] }));
    const list = await listDrops();
    expect(list).toEqual({ value: { items: [] }, skewMs: 0 });
    expect(taro.login).not.toHaveBeenCalled();
    expect(calls().map((c) => c.url)).toEqual(['/api/drops']);
    expect(calls()[0].header.Authorization).toBeUndefined();
    expect(useAppStore.getState().session.member).toBeNull();
  });

  it('sends a held token, and after a refused one asks again as a guest', async () => {
    useAppStore.getState().setSession('member', member);
    taro.request
      .mockResolvedValueOnce(json(401, { code: 'UNAUTHORIZED' }))
      .mockResolvedValueOnce(json(200, { items: [] }));
    await listDrops();
    expect(calls().map((c) => c.header.Authorization)).toEqual(['Bearer tok-old', undefined]);
    expect(useAppStore.getState().session.member).toBeNull();
  });

  it('measures the clock skew from the view at the middle of the round trip', async () => {
    useAppStore.getState().setSession('member', member);
    const phoneNow = vi.spyOn(Date, 'now');
    // Sent at phone 1000, answered at phone 1400: the server's stamp is taken as of phone 1200.
    phoneNow.mockReturnValueOnce(1_000).mockReturnValue(1_400);
    taro.request.mockResolvedValue(json(200, { id: 5, serverTime: new Date(61_200).toISOString(), items: [] }));
    const { value, skewMs } = await getDrop(5);
    phoneNow.mockRestore();
    expect(value.id).toBe(5);
    expect(skewMs).toBe(60_000);
    expect(calls()[0].url).toBe('/api/drops/5');
    expect(calls()[0].header.Authorization).toBe('Bearer tok-old');
  });
});
