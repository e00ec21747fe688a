import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type CouponWalletResponse,
  fen,
  type IssueCouponsResponse,
  PricingError,
  validateCoupon,
} from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { MembersService } from '../members';
import { CouponTemplateDto, CouponWalletQueryDto, IssueCouponsDto } from './dto/coupons.requests';
import { CouponsService } from './coupons.service';
import { CouponTemplatesService } from './coupon-templates.service';

@ApiTags('coupons')
@Controller()
export class CouponsController {
  constructor(
    private readonly coupons: CouponsService,
    private readonly templates: CouponTemplatesService,
    private readonly members: MembersService,
  ) {}

  /** The wallet (可用 / 已使用 / 已过期) with counts per tab. */
  @Roles('member', 'promoter')
  @Get('coupons/me')
  @ApiOkResponse({ description: 'CouponWalletResponse' })
  async wallet(
    @CurrentUser() principal: Principal,
    @Query() query: CouponWalletQueryDto,
  ): Promise<CouponWalletResponse> {
    await this.members.requireById(principal.id);
    return this.coupons.wallet(principal.id, query.status);
  }

  @Roles('operator')
  @Post('admin/coupon-templates')
  @ApiOkResponse({ description: 'The template; an existing code is updated and its version bumped' })
  upsertTemplate(@Body() body: CouponTemplateDto) {
    assertScope(body.scope);
    try {
      validateCoupon({
        id: 1,
        version: 'check',
        thresholdFen: fen(body.thresholdFen),
        scope: body.scope,
        stacking: body.stacking,
        validFrom: null,
        validUntil: null,
        ...(body.kind === 'AMOUNT_OFF'
          ? { kind: 'AMOUNT_OFF', amountOffFen: fen(body.amountOffFen ?? 0) }
          : {
              kind: 'PERCENT',
              payRateBp: body.payRateBp ?? 0,
              maxDiscountFen: body.maxDiscountFen ? fen(body.maxDiscountFen) : null,
            }),
      });
    } catch (error) {
      if (error instanceof PricingError) {
        throw new DomainException('VALIDATION_FAILED', `请求参数有误：${error.message}`, [
          { field: 'coupon', reason: error.message },
        ]);
      }
      throw error;
    }
    return this.templates.upsert(body);
  }

  @Roles('operator')
  @Post('admin/coupon-templates/:code/issue')
  @HttpCode(200)
  @ApiOkResponse({ description: 'IssueCouponsResponse; idempotent per batch and member' })
  async issue(@Param('code') code: string, @Body() body: IssueCouponsDto): Promise<IssueCouponsResponse> {
    const template = await this.coupons.template(code);
    const memberIds = [...new Set(body.memberIds)];
    for (const id of memberIds) if (!(await this.members.findById(id))) throw new DomainException('MEMBER_NOT_FOUND');
    return this.coupons.issue(
      template,
      memberIds.map((memberId) => ({ memberId, issueKey: `batch:${body.batch}:${memberId}` })),
    );
  }
}

/** ALL, or a non-empty list of positive ids for CATEGORIES / PRODUCTS. */
function assertScope(scope: unknown): void {
  const s = scope as { kind?: unknown; categoryIds?: unknown; productIds?: unknown };
  const ids = s.kind === 'CATEGORIES' ? s.categoryIds : s.kind === 'PRODUCTS' ? s.productIds : undefined;
  const valid =
    (s.kind === 'ALL' && Object.keys(s).length === 1) ||
    (Array.isArray(ids) &&
      ids.length > 0 &&
      ids.length <= 500 &&
      ids.every((id) => Number.isSafeInteger(id) && (id as number) > 0) &&
      Object.keys(s).length === 2);
  if (!valid) {
    throw new DomainException('VALIDATION_FAILED', '请求参数有误：字段 scope 无效', [
      { field: 'scope', reason: 'scope must be {kind:ALL} or a non-empty id list for CATEGORIES/PRODUCTS' },
    ]);
  }
}
