import { Injectable } from '@nestjs/common';
import { isBirthday, localCalendar, pointsForPurchase, type TierCode } from '@tidepool/shared';
import { BrandSettings } from './brand-settings.service';

export interface PurchaseEarningInput {
  /** Amount actually paid (after every discount), in fen. */
  paidFen: number;
  /** The member's tier before this purchase's growth. */
  tier: TierCode;
  /** The member's birthday (`MM-DD`), or null when not given. */
  birthday: string | null;
  /** When the purchase happens. */
  at: Date;
  /** The calendar the birthday is judged in: the store's at a till, the brand's online (the default). */
  timeZone?: string;
}

export interface PurchaseEarning {
  points: number;
  /** Whether the purchase fell on the member's birthday (the points were multiplied). */
  birthday: boolean;
}

/**
 * Points for a purchase, one function for the online checkout, drops and the till: the shared pure rule fed with
 * the brand's tier rates and birthday multiplier, so the three can never disagree.
 */
@Injectable()
export class LoyaltyRules {
  constructor(private readonly brand: BrandSettings) {}

  pointsForPurchase(input: PurchaseEarningInput): PurchaseEarning {
    const rules = this.brand.rules(input.at);
    const local = localCalendar(input.at, input.timeZone ?? rules.timeZone);
    const birthday = isBirthday(input.birthday, local.monthDay, local.year);
    const points = pointsForPurchase(
      { paidFen: input.paidFen, tier: input.tier, birthday },
      rules.tierTable,
      rules.points,
    );
    return { points, birthday };
  }
}
