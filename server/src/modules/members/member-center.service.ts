import { Injectable } from '@nestjs/common';
import {
  formatFen,
  fen,
  isMemberDay,
  localCalendar,
  maskPhone,
  type MemberCenterResponse,
  type MemberDayHint,
  type TierRule,
  tierProgress,
} from '@tidepool/shared';

import { BrandSettings } from '../brand';
import { Clock } from '../../common/clock/clock.service';
import { StoresService } from '../stores';
import type { Member } from './member.entity';
import { MemberDataHooks } from './member-data-hooks';
import { MemberLoyaltyReader } from './member-loyalty';
import { VouchersService } from './vouchers.service';

/** Builds the member center card (我的): tier, growth and progress, points, coupons, member-day hint. */
@Injectable()
export class MemberCenterService {
  constructor(
    private readonly stores: StoresService,
    // The coupon wallet's count comes from the coupons module, which imports this one and registers its reader.
    private readonly hooks: MemberDataHooks,
    private readonly vouchers: VouchersService,
    private readonly loyalty: MemberLoyaltyReader,
    private readonly clock: Clock,
    private readonly brand: BrandSettings,
  ) {}

  async card(member: Member): Promise<MemberCenterResponse> {
    const [{ points, growth }, voucherCount, couponCount, store] = await Promise.all([
      this.loyalty.numbers(member.id),
      this.vouchers.countAvailable(member.id),
      this.hooks.usableCoupons(member.id),
      member.signupStoreId ? this.stores.findById(member.signupStoreId) : Promise.resolve(null),
    ]);
    const progress = tierProgress(growth, this.brand.rules().tierTable);
    return {
      signedUp: member.signedUpAt !== null,
      phoneMasked: maskPhone(member.phone),
      birthday: member.birthday,
      signedUpAt: member.signedUpAt?.toISOString() ?? null,
      signupStoreName: store?.name ?? null,
      tier: { code: progress.current.code, name: progress.current.name },
      growth,
      nextTier: progress.next
        ? { code: progress.next.code, name: progress.next.name, minGrowth: progress.next.minGrowth }
        : null,
      growthToNextTier: progress.growthToNext,
      tierProgressPermille: progress.permille,
      points,
      couponCount: couponCount + voucherCount,
      memberDay: this.memberDayHint(progress.current, store?.timeZone ?? this.brand.timeZone()),
    };
  }

  private memberDayHint(tier: TierRule, timeZone: string): MemberDayHint {
    const rule = this.brand.rules().memberDay;
    const today = isMemberDay(localCalendar(this.clock.now(), timeZone).weekday, rule);
    if (!today) return { today, hint: null };
    const threshold = formatFen(fen(rule.thresholdFen)).replace('.00', '');
    const off = formatFen(fen(tier.memberDayDiscountFen)).replace('.00', '');
    return { today, hint: `今天是会员日：${tier.name}会员满${threshold}立减${off}` };
  }
}
