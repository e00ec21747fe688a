import { beforeEach, describe, expect, it, vi } from 'vitest';
import { storage } from '@/test-support/fake-taro';
import { MAINLAND_MOBILE_MESSAGE, type AddressView } from '@tidepool/shared';

vi.mock('@tarojs/taro', async () => (await import('@/test-support/fake-taro')).taroModule);

import {
  checkoutAddressChoice,
  EMPTY_ADDRESS_INPUT,
  fromWechatAddress,
  preselectAddress,
  rememberCheckoutAddress,
  validateAddressInput,
} from './address-book';

const ok = {
  ...EMPTY_ADDRESS_INPUT,
  recipientName: '张三',
  phone: '138 0013 8000',
  province: '上海市',
  city: '上海市',
  district: '静安区',
  detail: '南京西路1266号',
};
const book = (ids: number[], defaultId: number): AddressView[] =>
  ids.map((id) => ({ ...ok, id, isDefault: id === defaultId, region: '上海市 静安区', updatedAt: '' }));

describe('address form rules', () => {
  it('accepts a complete address (spaces in the phone are dropped)', () => {
    expect(validateAddressInput(ok)).toEqual({});
  });

  it('names each bad field', () => {
    expect(Object.keys(validateAddressInput({ ...ok, phone: '00000000000' }))).toEqual(['phone']);
    expect(validateAddressInput({ ...ok, phone: '12800138000' }).phone).toBe(MAINLAND_MOBILE_MESSAGE);
    expect(Object.keys(validateAddressInput({ ...ok, province: ' ', district: '' }))).toEqual(['province', 'district']);
    expect(validateAddressInput({ ...ok, detail: '1' }).detail).toContain('至少');
    expect(validateAddressInput({ ...ok, recipientName: '' }).recipientName).toBe('请填写收货人');
  });

  it('maps an address from WeChat into the form', () => {
    expect(
      fromWechatAddress({
        userName: '李四',
        telNumber: '139-0000-0000',
        provinceName: '浙江省',
        cityName: '杭州市',
        countyName: '西湖区',
        detailInfo: '文三路 99 号',
      }),
    ).toMatchObject({ recipientName: '李四', phone: '13900000000', province: '浙江省', district: '西湖区' });
  });
});

describe('checkout address choice', () => {
  beforeEach(() => storage.clear());

  it('preselects the default, or the one picked for this checkout', () => {
    expect(preselectAddress(book([1, 2, 3], 2), null)?.id).toBe(2);
    rememberCheckoutAddress('5x1', 3);
    expect(preselectAddress(book([1, 2, 3], 2), checkoutAddressChoice('5x1'))?.id).toBe(3);
  });

  it('forgets the pick for another checkout, or when the address is gone', () => {
    rememberCheckoutAddress('5x1', 3);
    expect(checkoutAddressChoice('6x2')).toBeNull();
    expect(preselectAddress(book([1, 2], 1), checkoutAddressChoice('5x1'))?.id).toBe(1);
    expect(preselectAddress([], 3)).toBeNull();
  });
});
