import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdminCouponTemplateView, AdminIssueCouponsResponse, Page } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { assertTemplateTerms } from './coupon-template-checks';
import { CouponTemplatesAdminService } from './coupon-templates-admin.service';
import {
  AdminCouponTemplateDto,
  AdminCouponTemplateListQueryDto,
  AdminIssueCouponsDto,
} from './dto/admin-coupons.requests';

/** 优惠券 in the operator console: templates, issuing. Brand-wide objects, so operators only (store managers 403). */
@ApiTags('admin')
@Roles('operator')
@Controller('admin/coupon-templates')
export class AdminCouponsController {
  constructor(private readonly templates: CouponTemplatesAdminService) {}

  @Get()
  @ApiOperation({
    summary: 'Coupon templates, newest first, filtered and paged in SQL',
    description: 'Filter by part of the name, by kind (AMOUNT_OFF 减 X 元 / PERCENT 打 N 折) and by status.',
  })
  @ApiOkResponse({ description: 'Page<AdminCouponTemplateView>' })
  list(@Query() query: AdminCouponTemplateListQueryDto): Promise<Page<AdminCouponTemplateView>> {
    return this.templates.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One coupon template' })
  @ApiOkResponse({ description: 'AdminCouponTemplateView; 404 COUPON_TEMPLATE_NOT_FOUND' })
  get(@Param('id', new IdParamPipe()) id: number): Promise<AdminCouponTemplateView> {
    return this.templates.get(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Create a coupon template (an existing code is updated and its version bumped)',
    description:
      'Terms: 减 X 元 (AMOUNT_OFF) or 打 N 折 (PERCENT, payRateBp 100..9900, optional cap), a threshold (0 = ' +
      '无门槛) the discount may not exceed, a scope (all products, categories or products), stacking, validity ' +
      '(validDays after issue, or fixed validFrom/validUntil with the end after the start), and the stock and ' +
      'per-member limit of the coupon centre. A broken rule answers 400 VALIDATION_FAILED naming the field.',
  })
  @ApiOkResponse({ description: 'AdminCouponTemplateView' })
  create(@CurrentUser() principal: Principal, @Body() body: AdminCouponTemplateDto): Promise<AdminCouponTemplateView> {
    assertTemplateTerms(body);
    return this.templates.create(principal, body);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Edit a coupon template (the version moves; coupons already issued keep their terms)',
    description: 'The same rules as create; the total stock may not go below what was already given out.',
  })
  @ApiOkResponse({ description: 'AdminCouponTemplateView; 404 COUPON_TEMPLATE_NOT_FOUND' })
  update(
    @CurrentUser() principal: Principal,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: AdminCouponTemplateDto,
  ): Promise<AdminCouponTemplateView> {
    assertTemplateTerms(body);
    return this.templates.update(principal, id, body);
  }

  @Post(':id/stop')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Stop (停用) a coupon template',
    description:
      'No more issues or coupon-centre claims; coupons already in wallets stay usable until they expire. ' +
      'Stopping a stopped template changes nothing.',
  })
  @ApiOkResponse({ description: 'AdminCouponTemplateView (STOPPED)' })
  stop(@CurrentUser() principal: Principal, @Param('id', new IdParamPipe()) id: number) {
    return this.templates.stop(principal, id);
  }

  @Post(':ref/issue')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue a template to members by phone, by id or to a whole tier (idempotent per batch)',
    description:
      'The template is named by id or code. Exactly one target: `phones` (full mainland mobiles; phones of ' +
      'no member are answered in unknownPhones), `memberIds`, or `tier` (every signed-up member of it, issued in ' +
      'batches of 500 per statement). The same batch again issues nobody twice. Each new coupon takes a unit of ' +
      'the template stock; a batch beyond it is refused whole (409 COUPON_STOCK_SHORT). A stopped template is ' +
      '409 COUPON_TEMPLATE_STOPPED. One audit entry per batch.',
  })
  @ApiOkResponse({ description: 'AdminIssueCouponsResponse' })
  issue(
    @CurrentUser() principal: Principal,
    @Param('ref') ref: string,
    @Body() body: AdminIssueCouponsDto,
  ): Promise<AdminIssueCouponsResponse> {
    return this.templates.issue(principal, ref, body);
  }
}
