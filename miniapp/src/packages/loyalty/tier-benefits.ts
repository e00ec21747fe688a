import { fen, formatFen, formatPointsRate, type TierBenefits } from '@tidepool/shared';

/** "¥68", "¥8": whole yuan without the fen, through the one price formatter. */
export function wholeYuan(amountFen: number): string {
  return formatFen(fen(amountFen)).replace(/\.00$/, '');
}

export interface BenefitRow {
  key: string;
  title: string;
  /** One cell per tier, lowest first; '' for "not included". */
  cells: string[];
}

/** The benefits table (等级权益) as rows of text, one column per tier. */
export function benefitRows(tiers: readonly TierBenefits[]): BenefitRow[] {
  return [
    {
      key: 'growth',
      title: '成长值',
      cells: tiers.map((t) => (t.maxGrowth === null ? `${t.minGrowth} 以上` : `${t.minGrowth}-${t.maxGrowth}`)),
    },
    {
      key: 'points',
      title: '消费积分',
      cells: tiers.map((t) => `每元 ${formatPointsRate(t.pointsPerYuanTenths)} 分`),
    },
    {
      key: 'member-day',
      title: '周三会员日',
      // "满68减10", as the till receipt says it.
      cells: tiers.map(
        (t) => `满${wholeYuan(t.memberDayThresholdFen).slice(1)}减${wholeYuan(t.memberDayDiscountFen).slice(1)}`,
      ),
    },
    {
      key: 'birthday-points',
      title: '生日积分',
      cells: tiers.map((t) => (t.birthdayPointsMultiplier === 2 ? '双倍' : `${t.birthdayPointsMultiplier} 倍`)),
    },
    {
      key: 'birthday-coupon',
      title: '生日专享券',
      cells: tiers.map((t) => (t.birthdayCouponFen > 0 ? `${wholeYuan(t.birthdayCouponFen)} 无门槛` : '')),
    },
    {
      key: 'priority',
      title: '限量新品优先购',
      cells: tiers.map((t) => (t.priorityDropAccess ? '✓' : '')),
    },
  ];
}
