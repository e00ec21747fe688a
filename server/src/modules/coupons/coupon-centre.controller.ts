import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  ClaimCouponResponse,
  CouponCentreResponse,
  CouponClaimSettingsView,
  CouponProductsResponse,
} from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { CatalogScopeReader } from '../catalog';
import { MembersService } from '../members';
import { CouponCentreService } from './coupon-centre.service';
import { CouponsService } from './coupons.service';
import { CouponClaimSettingsDto } from './dto/coupons.requests';

/** 领券中心: claimable templates, claiming, and 去使用 (the products a wallet coupon applies to). */
@ApiTags('coupons')
@Controller()
export class CouponCentreController {
  constructor(
    private readonly centre: CouponCentreService,
    private readonly coupons: CouponsService,
    private readonly catalog: CatalogScopeReader,
    private readonly members: MembersService,
  ) {}

  @Roles('member', 'promoter')
  @Get('coupon-centre')
  @ApiOperation({
    summary: 'The coupon centre: claimable coupons with this member’s state (立即领取 / 已领取 / 已抢光)',
  })
  @ApiOkResponse({ description: 'CouponCentreResponse' })
  async list(@CurrentUser() principal: Principal): Promise<CouponCentreResponse> {
    await this.members.requireById(principal.id);
    return this.centre.list(principal.id);
  }

  @Roles('member', 'promoter')
  @Post('coupon-centre/:templateId/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim a coupon from the coupon centre (once per member within the limit and stock)' })
  @ApiOkResponse({
    description:
      'ClaimCouponResponse; 403 NOT_SIGNED_UP; 404 COUPON_NOT_CLAIMABLE; 409 COUPON_CLAIM_LIMIT / COUPON_CLAIM_SOLD_OUT',
  })
  async claim(
    @CurrentUser() principal: Principal,
    @Param('templateId', new IdParamPipe('templateId')) templateId: number,
  ): Promise<ClaimCouponResponse> {
    const member = await this.members.requireById(principal.id);
    if (!member.signedUpAt) throw new DomainException('NOT_SIGNED_UP', '成为会员后即可领券');
    return this.centre.claim(member.id, templateId);
  }

  @Roles('member', 'promoter')
  @Get('coupons/me/:couponId/products')
  @ApiOperation({ summary: '去使用: the products on sale that one of my coupons applies to' })
  @ApiOkResponse({ description: 'CouponProductsResponse; 404 COUPON_NOT_FOUND (also for another member’s coupon)' })
  async products(
    @CurrentUser() principal: Principal,
    @Param('couponId', new IdParamPipe('couponId')) couponId: number,
    @Query() query: PageQueryDto,
  ): Promise<CouponProductsResponse> {
    const coupon = await this.coupons.mine(principal.id, couponId);
    return { ...(await this.catalog.productsInScope(coupon.scope, query)), coupon };
  }

  @Roles('operator')
  @Put('admin/coupon-templates/:code/claim')
  @ApiOperation({
    summary: 'Mark a coupon template claimable in the coupon centre, with a per-member limit and a total stock',
  })
  @ApiOkResponse({
    description: 'CouponClaimSettingsView; 404 COUPON_TEMPLATE_NOT_FOUND; 400 totalStock below claimed',
  })
  setClaim(@Param('code') code: string, @Body() body: CouponClaimSettingsDto): Promise<CouponClaimSettingsView> {
    return this.centre.settings(code, body);
  }
}
