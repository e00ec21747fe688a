import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isMemberDay, localCalendar, type PromotionsView } from '@tidepool/shared';
import { Public } from '../../common/auth/public.decorator';
import { Clock } from '../../common/clock/clock.service';
import { BrandSettings } from '../brand';
import { ACTIVE_PROMOTIONS } from './promotions';

/**
 * The promotions checkout applies, for the storefront's tags (2件79折 on cards, 会员日满68减 on the product page
 * and in the cart). The same data CheckoutService prices with, so a tag never promises what checkout does not give.
 */
@ApiTags('catalog')
@Controller('promotions')
export class PromotionsController {
  constructor(
    private readonly clock: Clock,
    private readonly brand: BrandSettings,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Item promotions and the member-day rule checkout applies now' })
  @ApiOkResponse({ description: 'PromotionsView' })
  view(): PromotionsView {
    const { memberDay, tierTable, timeZone } = this.brand.rules();
    const local = localCalendar(this.clock.now(), timeZone);
    const tiers = [...tierTable].sort((a, b) => a.minGrowth - b.minGrowth);
    return {
      itemPromotions: [...ACTIVE_PROMOTIONS],
      memberDay: {
        weekday: memberDay.weekday,
        thresholdFen: memberDay.thresholdFen,
        today: isMemberDay(local.weekday, memberDay),
        tiers: tiers.map((t) => ({ code: t.code, name: t.name, discountFen: t.memberDayDiscountFen })),
      },
    };
  }
}
