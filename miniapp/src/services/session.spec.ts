import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, requestCalls as calls, storage, taro } from '@/test-support/fake-taro';

vi.mock('@tarojs/taro', async () => (await import('@/test-support/fake-taro')).taroModule);

import { useAppStore } from '@/stores';
import { DEVICE_ID_KEY, deviceId, ensureMemberLogin, memberRequest, resetDeviceId, staffRequest } from './session';

describe('member session', () => {
  beforeEach(() => {
    storage.clear();
    taro.request.mockReset();
    taro.login.mockReset();
    taro.login.mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' });
    useAppStore.getState().signOut('member');
    useAppStore.getState().signOut('staff');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('logs in silently with the Taro.login code on weapp, once for concurrent callers', async () => {
    taro.request.mockResolvedValue(json(201, { accessToken: 'tok-1' }));
    const [a, b] = await Promise.all([ensureMemberLogin(), ensureMemberLogin()]);
    expect([a, b]).toEqual(['tok-1', 'tok-1']);
    expect(taro.login).toHaveBeenCalledTimes(1);
    expect(calls()).toHaveLength(1);
    expect(calls()[0]).toMatchObject({ url: '/api/auth/wechat-login', method: 'POST', data: { code: 'wx-code-1' } });
    expect(useAppStore.getState().session.member).toEqual({
      token: 'tok-1',
      role: 'member',
      storeId: null,
      displayName: null,
    });
    // Held: no second login.
    await expect(ensureMemberLogin()).resolves.toBe('tok-1');
    expect(calls()).toHaveLength(1);
  });

  it('on H5 sends dev-<deviceId>, the same id every time until reset', async () => {
    vi.stubEnv('TARO_ENV', 'h5');
    taro.request.mockResolvedValue(json(201, { accessToken: 'tok-h5' }));
    await ensureMemberLogin();
    const id = storage.get(DEVICE_ID_KEY) as string;
    expect(id).toMatch(/^[a-z0-9]{24}$/);
    expect(calls()[0].data).toEqual({ code: `dev-${id}` });
    expect(taro.login).not.toHaveBeenCalled();
    expect(deviceId()).toBe(id);
    resetDeviceId();
    expect(deviceId()).not.toBe(id);
  });

  it('maps a failed Taro.login to NETWORK_ERROR and a failed login call to its code', async () => {
    taro.login.mockRejectedValue({ errMsg: 'login:fail' });
    await expect(ensureMemberLogin()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    taro.login.mockResolvedValue({ code: 'used' });
    taro.request.mockResolvedValue(json(400, { code: 'WECHAT_CODE_USED', message: 'x' }));
    await expect(ensureMemberLogin()).rejects.toMatchObject({ code: 'WECHAT_CODE_USED' });
    expect(useAppStore.getState().session.member).toBeNull();
  });

  it('sends the member token, and logs in again once when it was refused', async () => {
    useAppStore.getState().setSession('member', { token: 'old', role: 'member', storeId: null, displayName: null });
    taro.request
      .mockResolvedValueOnce(json(401, { code: 'UNAUTHENTICATED', message: 'expired' }))
      .mockResolvedValueOnce(json(201, { accessToken: 'new' }))
      .mockResolvedValueOnce(json(200, { signedUp: false }));
    await expect(memberRequest('/api/members/me')).resolves.toEqual({ signedUp: false });
    const [first, login, retry] = calls();
    expect(first.header.Authorization).toBe('Bearer old');
    expect(login.url).toBe('/api/auth/wechat-login');
    expect(retry.header.Authorization).toBe('Bearer new');
    expect(useAppStore.getState().session.member?.token).toBe('new');
  });

  it('a refused staff token signs the cashier out and leaves the member logged in', async () => {
    useAppStore.getState().setSession('member', { token: 'm', role: 'member', storeId: null, displayName: null });
    useAppStore.getState().setSession('staff', { token: 's', role: 'cashier', storeId: 1, displayName: '收银员' });
    taro.request.mockResolvedValue(json(401, { code: 'UNAUTHENTICATED', message: 'x' }));
    await expect(staffRequest('/api/store-mode/scans', { method: 'POST', body: {} })).rejects.toMatchObject({
      status: 401,
    });
    expect(calls()[0].header.Authorization).toBe('Bearer s');
    expect(useAppStore.getState().session.staff).toBeNull();
    expect(useAppStore.getState().session.member?.token).toBe('m');
  });
});
