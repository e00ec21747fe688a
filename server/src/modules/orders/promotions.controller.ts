import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DEFAULT_MEMBER_DAY_RULE,
  DEFAULT_TIER_TABLE,
  isMemberDay,
  localCalendar,
  type PromotionsView,
} from '@tidepool/shared';
import { Public } from '../../common/auth/public.decorator';
import { Clock } from '../../common/clock/clock.service';
import { BRAND_TIME_ZONE } from '../stores';
import { StoresService } from '../stores';
import { ACTIVE_PROMOTIONS } from './promotions';

/**
 * The promotions checkout applies, for the storefront's tags (2件79折 on cards, 会员日满68减 on the product page
 * and in the cart). The same data CheckoutService prices with, so a tag never promises what checkout does not give.
 */
@ApiTags('catalog')
@Controller('promotions')
export class PromotionsController {
  constructor(
    private readonly stores: StoresService,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Item promotions and the member-day rule checkout applies now' })
  @ApiOkResponse({ description: 'PromotionsView' })
  async view(): Promise<PromotionsView> {
    const store = await this.stores.first();
    const local = localCalendar(this.clock.now(), store?.timeZone ?? BRAND_TIME_ZONE);
    const tiers = [...DEFAULT_TIER_TABLE].sort((a, b) => a.minGrowth - b.minGrowth);
    return {
      itemPromotions: [...ACTIVE_PROMOTIONS],
      memberDay: {
        weekday: DEFAULT_MEMBER_DAY_RULE.weekday,
        thresholdFen: DEFAULT_MEMBER_DAY_RULE.thresholdFen,
        today: isMemberDay(local.weekday),
        tiers: tiers.map((t) => ({ code: t.code, name: t.name, discountFen: t.memberDayDiscountFen })),
      },
    };
  }
}
