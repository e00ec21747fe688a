import { describe, expect, it } from 'vitest';
import { signupBenefits, signupChannel, signupGifts } from './signup-gifts';

const today = { monthDay: '12-03', year: 2026 };

describe('signup gifts', () => {
  it('gives the shopping bag only for a signup through a store code', () => {
    expect(signupGifts({ channel: 'STORE', birthday: null, today })).toEqual(['SHOPPING_BAG']);
    expect(signupGifts({ channel: 'ONLINE', birthday: null, today })).toEqual([]);
  });

  it('gives the birthday coupon to a member joining on their birthday, through any channel', () => {
    expect(signupGifts({ channel: 'ONLINE', birthday: '12-03', today })).toEqual(['BIRTHDAY_COUPON']);
    expect(signupGifts({ channel: 'STORE', birthday: '12-03', today })).toEqual(['SHOPPING_BAG', 'BIRTHDAY_COUPON']);
    expect(signupGifts({ channel: 'ONLINE', birthday: '12-04', today })).toEqual([]);
    expect(signupGifts({ channel: 'ONLINE', birthday: '02-29', today: { monthDay: '02-28', year: 2027 } })).toEqual([
      'BIRTHDAY_COUPON',
    ]);
  });

  it('promises on the page exactly what the channel gives', () => {
    const online = signupBenefits(signupChannel(false))
      .map((b) => `${b.title}${b.text}`)
      .join('|');
    const store = signupBenefits(signupChannel(true))
      .map((b) => `${b.title}${b.text}`)
      .join('|');
    expect(store).toContain('入会礼免费购物袋');
    expect(online).not.toContain('入会礼免费购物袋');
    expect(online).toContain('门店扫码入会另送');
    for (const text of [online, store]) expect(text).toContain('生日当天注册也送');
  });
});
