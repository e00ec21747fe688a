import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CouponTemplateFigures, OverviewResponse } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { storeScopeOf, type Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { CouponFiguresService } from './coupon-figures.service';
import { OverviewQueryDto } from './dto/reports.requests';
import { OverviewService } from './overview.service';

@ApiTags('admin')
@Controller('admin')
export class AdminReportsController {
  constructor(
    private readonly overviewService: OverviewService,
    private readonly couponFigures: CouponFiguresService,
  ) {}

  @Roles('operator', 'store_manager')
  @Get('overview')
  @ApiOperation({
    summary: 'The dashboard (概览): today and the last N days, per day, channel and store',
    description:
      'Paid GMV, paid orders, average order value and new members, as totals for today and for the period and ' +
      'as a per-day series, with channels ONLINE (mini-program orders outside drops), DROP (orders placed in a ' +
      'drop) and TILL (till sales), and per store. Days are calendar days in the brand zone (an order paid at ' +
      '23:30 Shanghai time counts on that Shanghai day); online orders count on the day they were paid, till ' +
      'sales on the day they were recorded. GMV is what was paid BEFORE refunds (refunded orders and till sales ' +
      'still count). An online order belongs to its pickup store; shipped orders form the row with storeId null. ' +
      'New members count signups, by the store whose code they joined with (null = online). A store manager ' +
      'gets only their store: its pickup orders, its till sales and the members who joined there.',
  })
  @ApiOkResponse({ description: 'OverviewResponse' })
  overview(@Query() query: OverviewQueryDto, @CurrentUser() principal: Principal): Promise<OverviewResponse> {
    return this.overviewService.overview(query.days, storeScopeOf(principal));
  }

  @Roles('operator')
  @Get('coupon-templates/:id/figures')
  @ApiOperation({
    summary: 'A coupon template’s figures: issued, used, expired, unused and the GMV of purchases that used it',
    description:
      'Counted in SQL over the template’s issued coupons. GMV is what the paid orders and till sales that used ' +
      'one of its coupons paid, before refunds; a purchase fully refunded gives its coupon back and no longer ' +
      'counts as a use.',
  })
  @ApiOkResponse({ description: 'CouponTemplateFigures; 404 COUPON_TEMPLATE_NOT_FOUND' })
  figures(@Param('id', new IdParamPipe()) id: number): Promise<CouponTemplateFigures> {
    return this.couponFigures.figures(id);
  }
}
