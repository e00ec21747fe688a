import { beforeEach, describe, expect, it, vi } from 'vitest';
import { taro, type RequestCall as Call } from '@/test-support/fake-taro';
import { PRIVACY_TERMS_VERSION } from '@tidepool/shared';

vi.mock('@tarojs/taro', async () => (await import('@/test-support/fake-taro')).taroModule);

import { useAppStore } from '@/stores';
import { staffLogin } from './auth.api';
import {
  deleteMyAccount,
  exportPersonalData,
  getMemberCenter,
  getSignupCodeInfo,
  listMyVouchers,
  setBirthday,
  signUp,
} from './members.api';
import { getStoreSignupCode, redeemVoucher, scanMemberCode } from './store-mode.api';

const last = () => taro.request.mock.calls.at(-1)?.[0] as Call;
const ok = (data: unknown, statusCode = 200) => ({ statusCode, data, header: {} });

beforeEach(() => {
  taro.request.mockReset();
  taro.request.mockResolvedValue(ok({}));
  useAppStore.getState().setSession('member', { token: 'm-tok', role: 'member', storeId: null, displayName: null });
  useAppStore.getState().setSession('staff', { token: 's-tok', role: 'cashier', storeId: 1, displayName: '收银员' });
});

describe('members api (as the member)', () => {
  it('reads the member center with the member token', async () => {
    await getMemberCenter();
    expect(last()).toMatchObject({ url: '/api/members/me', method: 'GET' });
    expect(last().header.Authorization).toBe('Bearer m-tok');
  });

  it('signs up with the consent version, dropping empty optional fields', async () => {
    await signUp({ phoneCode: 'dev-phone-13800138000', consentVersion: PRIVACY_TERMS_VERSION, birthday: '' });
    expect(last()).toMatchObject({
      url: '/api/members/signup',
      method: 'POST',
      data: { phoneCode: 'dev-phone-13800138000', consentVersion: PRIVACY_TERMS_VERSION },
    });
    expect(last().data).not.toHaveProperty('birthday');
    await signUp({ phoneCode: 'c', consentVersion: PRIVACY_TERMS_VERSION, birthday: '02-29', signupToken: 'tok' });
    expect(last().data).toEqual({
      phoneCode: 'c',
      consentVersion: PRIVACY_TERMS_VERSION,
      birthday: '02-29',
      signupToken: 'tok',
    });
  });

  it('sets the birthday, lists vouchers by status, exports and deletes', async () => {
    await setBirthday('05-20');
    expect(last()).toMatchObject({ url: '/api/members/me/birthday', method: 'PUT', data: { birthday: '05-20' } });
    await listMyVouchers('REDEEMED');
    expect(last().url).toBe('/api/members/me/vouchers?status=REDEEMED');
    await exportPersonalData();
    expect(last()).toMatchObject({ url: '/api/members/me/export', method: 'GET' });
    taro.request.mockResolvedValue({ statusCode: 204, data: '', header: {} });
    await expect(deleteMyAccount()).resolves.toBeUndefined();
    expect(last()).toMatchObject({ url: '/api/members/me', method: 'DELETE' });
    expect(last().header.Authorization).toBe('Bearer m-tok');
  });

  it('reads a signup code publicly, encoding the token; 404 → 门店二维码无效', async () => {
    await getSignupCodeInfo('a/b c');
    expect(last().url).toBe('/api/signup-codes/a%2Fb%20c');
    expect(last().header.Authorization).toBeUndefined();
    taro.request.mockResolvedValue(ok({ code: 'SIGNUP_CODE_NOT_FOUND', message: 'x' }, 404));
    await expect(getSignupCodeInfo('nope')).rejects.toMatchObject({ message: '门店二维码无效' });
  });

  it('BIRTHDAY_ALREADY_SET comes back as its Chinese message', async () => {
    taro.request.mockResolvedValue(ok({ code: 'BIRTHDAY_ALREADY_SET', message: 'raw' }, 409));
    await expect(setBirthday('01-01')).rejects.toMatchObject({ status: 409, message: '生日设置后不能修改' });
  });
});

describe('store mode api (as the cashier)', () => {
  it('logs in with a trimmed account, without a token', async () => {
    await staffLogin({ username: ' cashier.sh001 ', password: 'tidepool123' });
    expect(last()).toMatchObject({
      url: '/api/auth/staff-login',
      method: 'POST',
      data: { username: 'cashier.sh001', password: 'tidepool123' },
    });
    expect(last().header.Authorization).toBeUndefined();
  });

  it('scans a code without spaces, with the staff token', async () => {
    await scanMemberCode(' 1234 5678 9012 3456 78 ');
    expect(last()).toMatchObject({
      url: '/api/store-mode/scans',
      method: 'POST',
      data: { code: '123456789012345678' },
    });
    expect(last().header.Authorization).toBe('Bearer s-tok');
  });

  it('redeems a voucher within the scan', async () => {
    await redeemVoucher(42, 7);
    expect(last()).toMatchObject({ url: '/api/store-mode/vouchers/42/redeem', method: 'POST', data: { scanId: 7 } });
  });

  it('reads the store signup code, or the cashier one with ?staff=1', async () => {
    await getStoreSignupCode(1);
    expect(last().url).toBe('/api/stores/1/signup-code');
    await getStoreSignupCode(1, { staff: true });
    expect(last().url).toBe('/api/stores/1/signup-code?staff=1');
  });

  it.each([
    ['MEMBER_CODE_USED', 409, '会员码已使用，请让顾客刷新后重试'],
    ['MEMBER_CODE_EXPIRED', 400, '会员码已过期，请让顾客刷新后重试'],
    ['RATE_LIMITED', 429, '操作太频繁，请稍后再试'],
  ])('scan error %s shows %s', async (code, status, message) => {
    taro.request.mockResolvedValue(ok({ code, message: 'raw' }, status));
    await expect(scanMemberCode('123456789012345678')).rejects.toMatchObject({ code, message });
  });
});
