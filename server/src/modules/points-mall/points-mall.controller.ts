import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { GiftDetail, GiftSummary, Page, RedemptionView } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Public } from '../../common/auth/public.decorator';
import { Roles } from '../../common/auth/roles.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { MembersService } from '../members';
import { CreateRedemptionDto } from './dto/points-mall.requests';
import { GiftsService } from './gifts.service';
import { RedemptionViewsService } from './redemption-views.service';
import { RedemptionService } from './redemption.service';

/**
 * The points mall for members (积分商城). Browsing is public, like the product catalogue: what points can buy is
 * the reason to join. Redeeming and the member's own redemptions need a signed-up member.
 */
@ApiTags('points-mall')
@Controller('points-mall')
export class PointsMallController {
  constructor(
    private readonly gifts: GiftsService,
    private readonly redemptions: RedemptionService,
    private readonly views: RedemptionViewsService,
    private readonly members: MembersService,
  ) {}

  @Public()
  @Get('gifts')
  @ApiOkResponse({ description: 'Page<GiftSummary>: active gifts, in the operator’s order' })
  list(@Query() query: PageQueryDto): Promise<Page<GiftSummary>> {
    return this.gifts.listActive(query);
  }

  @Public()
  @Get('gifts/:id')
  @ApiOkResponse({ description: 'GiftDetail; 404 GIFT_NOT_FOUND' })
  detail(@Param('id', new IdParamPipe()) id: number): Promise<GiftDetail> {
    return this.gifts.detail(id);
  }

  @Roles('member', 'promoter')
  @Post('redemptions')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'RedemptionView; idempotent by clientRequestId. 409 POINTS_INSUFFICIENT / GIFT_OUT_OF_STOCK / ' +
      'REDEMPTION_REQUEST_CONFLICT; 404 GIFT_NOT_FOUND; 400 GIFT_FULFILMENT_UNAVAILABLE / SHIPPING_ADDRESS_REQUIRED',
  })
  async redeem(@CurrentUser() principal: Principal, @Body() body: CreateRedemptionDto): Promise<RedemptionView> {
    const member = await this.members.requireById(principal.id);
    if (!member.signedUpAt) throw new DomainException('NOT_SIGNED_UP');
    return this.views.view(await this.redemptions.redeem(member.id, body));
  }

  @Roles('member', 'promoter')
  @Get('me/redemptions')
  @ApiOkResponse({ description: 'Page<RedemptionView>, newest first (failed attempts left out)' })
  mine(@CurrentUser() principal: Principal, @Query() query: PageQueryDto): Promise<Page<RedemptionView>> {
    return this.views.mine(principal.id, query);
  }
}
