import { isBirthday } from './personal-data';

/**
 * What joining gives, in one place: the signup page lists exactly these lines and the server issues exactly these
 * gifts, so the page can never promise what the signup does not deliver (issue 12, defect 8).
 *
 * - 入会礼 (a free shopping bag voucher) is for joining at a store: the shopper scanned a store's (or a staff
 *   member's) signup code, as docs/domain.md describes. An online signup is told that the bag comes with joining in
 *   store, not promised one.
 * - 生日礼: a member whose birthday is today (store zone) when they join gets the birthday coupon at once; the
 *   nightly birthday job already ran for the day before they were a member.
 */
export type SignupChannel = 'STORE' | 'ONLINE';

export type SignupGift = 'SHOPPING_BAG' | 'BIRTHDAY_COUPON';

export interface SignupBenefitLine {
  glyph: string;
  title: string;
  text: string;
}

export function signupChannel(viaStoreCode: boolean): SignupChannel {
  return viaStoreCode ? 'STORE' : 'ONLINE';
}

/** Gifts joining gives now, in this order. `today` is the store-zone date of the signup. */
export function signupGifts(input: {
  channel: SignupChannel;
  birthday: string | null;
  today: { monthDay: string; year: number };
}): SignupGift[] {
  const gifts: SignupGift[] = [];
  if (input.channel === 'STORE') gifts.push('SHOPPING_BAG');
  if (isBirthday(input.birthday, input.today.monthDay, input.today.year)) gifts.push('BIRTHDAY_COUPON');
  return gifts;
}

/** The lines the signup page shows for this channel. */
export function signupBenefits(channel: SignupChannel): SignupBenefitLine[] {
  const gift: SignupBenefitLine =
    channel === 'STORE'
      ? { glyph: '礼', title: '入会礼', text: '免费购物袋一个，注册后放入“我的券”，到店出示会员码领取' }
      : { glyph: '礼', title: '到店入会礼', text: '在门店扫码入会另送免费购物袋一个' };
  return [
    gift,
    { glyph: '生', title: '生日礼', text: '生日当天消费积分翻倍，并送生日专享券（生日当天注册也送）' },
    { glyph: '三', title: '周三会员日', text: '全场满 68 元立减，等级越高减得越多' },
    { glyph: '积', title: '积分与成长值', text: '消费得积分换好礼，攒成长值升级银卡、金卡' },
  ];
}
