import { describe, expect, it } from 'vitest';
import { MAINLAND_MOBILE_MESSAGE } from '@tidepool/shared';
import { firstAddressError, normalizeAddress, validateAddress } from './address';

const good = { recipientName: '张三', phone: '13800138000', region: '上海市 静安区', detail: '南京西路1266号 8楼' };

describe('delivery address', () => {
  it('accepts a complete address', () => {
    expect(validateAddress(good)).toEqual({});
  });

  it('needs every field, first error in form order', () => {
    const errors = validateAddress({ recipientName: ' ', phone: '', region: '', detail: '' });
    expect(errors).toEqual({
      recipientName: '请填写收货人',
      phone: '请填写手机号',
      region: '请填写所在地区',
      detail: '请填写详细地址',
    });
    expect(firstAddressError(errors)).toBe('请填写收货人');
    expect(firstAddressError({})).toBeNull();
  });

  it.each(['1380013800', '138001380001', '23800138000', '1380013800a', '00000000000', '12800138000'])(
    'refuses the phone %s',
    (phone) => {
      expect(validateAddress({ ...good, phone }).phone).toBe(MAINLAND_MOBILE_MESSAGE);
    },
  );

  it('drops spaces and dashes typed into the phone number and trims the rest', () => {
    const typed = { recipientName: ' 张三 ', phone: '138-0013 8000', region: ' 上海市 静安区', detail: '8楼 ' };
    expect(validateAddress(typed)).toEqual({});
    expect(normalizeAddress(typed)).toEqual({
      recipientName: '张三',
      phone: '13800138000',
      region: '上海市 静安区',
      detail: '8楼',
    });
  });

  it('keeps to the lengths the server accepts', () => {
    expect(validateAddress({ ...good, recipientName: '张'.repeat(33) }).recipientName).toBe('收货人最多 32 个字');
    expect(validateAddress({ ...good, detail: '号'.repeat(129) }).detail).toBe('详细地址最多 128 个字');
    expect(validateAddress({ ...good, detail: '号'.repeat(128) })).toEqual({});
  });
});
