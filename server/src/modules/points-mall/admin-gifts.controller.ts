import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdminGiftView, AdminRedemptionView, Page } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import {
  AdjustGiftStockDto,
  AdminGiftListQueryDto,
  AdminRedemptionListQueryDto,
  CreateGiftDto,
  ShipRedemptionDto,
  UpdateGiftDto,
} from './dto/points-mall.requests';
import { GiftsService } from './gifts.service';
import { RedemptionsAdminService } from './redemptions-admin.service';

/** The operator's gift catalogue: create, edit, and move stock by adjustment. Every write is audited. */
@ApiTags('admin')
@Roles('operator')
@Controller('admin/points-mall/gifts')
export class AdminGiftsController {
  constructor(private readonly gifts: GiftsService) {}

  @Get()
  @ApiOperation({ summary: 'List gifts', description: 'Every gift, on the shelf or off; filter by name and shelf.' })
  @ApiOkResponse({ description: 'Page<AdminGiftView>' })
  list(@Query() query: AdminGiftListQueryDto): Promise<Page<AdminGiftView>> {
    return this.gifts.adminList(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A gift', description: 'With units redeemed; off-shelf gifts included.' })
  @ApiOkResponse({ description: 'AdminGiftView; 404 GIFT_NOT_FOUND' })
  get(@Param('id', new IdParamPipe()) id: number): Promise<AdminGiftView> {
    return this.gifts.adminGet(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a gift', description: 'Points price, stock, pickup and/or shipping. Audited.' })
  @ApiCreatedResponse({ description: 'AdminGiftView' })
  create(@Body() body: CreateGiftDto, @CurrentUser() principal: Principal): Promise<AdminGiftView> {
    return this.gifts.create(body, principal);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Edit a gift',
    description: 'Everything but stock (which moves by adjustment only); active puts it on or off the shelf. Audited.',
  })
  @ApiOkResponse({ description: 'AdminGiftView; 404 GIFT_NOT_FOUND' })
  update(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: UpdateGiftDto,
    @CurrentUser() principal: Principal,
  ): Promise<AdminGiftView> {
    return this.gifts.update(id, body, principal);
  }

  @Post(':id/stock')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Adjust gift stock',
    description: 'Adds or removes units relative to the stock at that instant, never overwriting it. Audited.',
  })
  @ApiOkResponse({ description: 'AdminGiftView; 409 GIFT_OUT_OF_STOCK when removing more than is left' })
  adjustStock(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: AdjustGiftStockDto,
    @CurrentUser() principal: Principal,
  ): Promise<AdminGiftView> {
    return this.gifts.adjustStock(id, body.delta, principal);
  }
}

/** Redemptions for the operator: who redeemed what, its pickup or shipment, and shipping it. */
@ApiTags('admin')
@Roles('operator')
@Controller('admin/points-mall/redemptions')
export class AdminRedemptionsController {
  constructor(private readonly redemptions: RedemptionsAdminService) {}

  @Get()
  @ApiOperation({
    summary: 'List redemptions',
    description:
      'Newest first; filter by status, gift, fulfilment, the member’s full phone (shown masked) and creation date.',
  })
  @ApiOkResponse({ description: 'Page<AdminRedemptionView>' })
  list(@Query() query: AdminRedemptionListQueryDto): Promise<Page<AdminRedemptionView>> {
    return this.redemptions.list(query);
  }

  @Post(':id/ship')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ship a redemption',
    description:
      'Carrier and tracking number for a completed SHIP redemption; repeating the same is harmless. Audited.',
  })
  @ApiOkResponse({ description: 'AdminRedemptionView; 409 REDEMPTION_NOT_SHIPPABLE; 404 REDEMPTION_NOT_FOUND' })
  ship(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: ShipRedemptionDto,
    @CurrentUser() principal: Principal,
  ): Promise<AdminRedemptionView> {
    return this.redemptions.ship(id, body, principal);
  }
}
