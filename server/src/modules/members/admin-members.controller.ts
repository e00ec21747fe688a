import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AdminPointsAdjustmentResponse,
  type AdminPointsEntryView,
  type Page,
  maskPhone,
  type OperatorMemberView,
  type OperatorMemberSearchResponse,
  tierByCode,
  tierFor,
} from '@tidepool/shared';
import { Roles } from '../../common/auth/roles.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { BrandSettings } from '../brand';
import { AdminMemberSearchQueryDto, AdminPointsAdjustmentDto } from './dto/admin-members.requests';
import { MemberPointsAdmin } from './member-points-admin.service';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { MemberLoyaltyReader } from './member-loyalty';
import { MembersService } from './members.service';

@ApiTags('admin')
@Roles('operator')
@Controller('admin/members')
export class AdminMembersController {
  constructor(
    private readonly members: MembersService,
    private readonly loyalty: MemberLoyaltyReader,
    private readonly brand: BrandSettings,
    private readonly points: MemberPointsAdmin,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Find a member by full phone (the coupon issuing form)',
    description:
      'Matches a signed-up, live member by the full mainland mobile; answers at most one item with the phone ' +
      'masked (138****1234) and the tier. An unknown phone answers an empty list, not 404.',
  })
  @ApiOkResponse({ description: 'OperatorMemberSearchResponse' })
  async search(@Query() query: AdminMemberSearchQueryDto): Promise<OperatorMemberSearchResponse> {
    const id = (await this.members.idsByPhones([query.phone])).get(query.phone);
    const member = id === undefined ? null : await this.members.findById(id);
    if (!member) return { items: [] };
    const tiers = await this.loyalty.tiersOf([member.id]);
    const tier = tierByCode(tiers.get(member.id) ?? 'NORMAL', this.brand.rules().tierTable);
    return {
      items: [
        {
          id: member.id,
          phoneMasked: maskPhone(member.phone),
          tier: { code: tier.code, name: tier.name },
          signedUpAt: member.signedUpAt?.toISOString() ?? null,
        },
      ],
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One member as an operator sees it (phone masked)' })
  @ApiOkResponse({ description: 'OperatorMemberView; 404 MEMBER_NOT_FOUND' })
  async get(@Param('id', new IdParamPipe()) id: number): Promise<OperatorMemberView> {
    const member = await this.members.findById(id);
    if (!member) throw new DomainException('MEMBER_NOT_FOUND');
    const { points, growth } = await this.loyalty.numbers(id);
    const tier = tierFor(growth, this.brand.rules().tierTable);
    return {
      id: member.id,
      phoneMasked: maskPhone(member.phone),
      signedUpAt: member.signedUpAt?.toISOString() ?? null,
      signupStoreId: member.signupStoreId,
      tier: { code: tier.code, name: tier.name },
      points,
      growth,
    };
  }

  @Get(':id/points')
  @ApiOperation({
    summary: 'A member’s points ledger, newest first',
    description: 'Every earning, redemption, reversal, expiry and correction with the balance after it.',
  })
  @ApiOkResponse({ description: 'Page<AdminPointsEntryView>; 404 MEMBER_NOT_FOUND' })
  pointsLedger(
    @Param('id', new IdParamPipe()) id: number,
    @Query() page: PageQueryDto,
  ): Promise<Page<AdminPointsEntryView>> {
    return this.points.ledger(id, page);
  }

  @Post(':id/points-adjustments')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add or deduct a member’s points with a reason (through the ledger, audited)',
    description:
      'The member sees the entry and its reason in 我的积分. A deduction that would leave the balance below zero ' +
      'is refused with 409 POINTS_ADJUSTMENT_BELOW_ZERO and changes nothing (debt only arises from refunds). ' +
      'Idempotent by requestId. Brand operators only.',
  })
  @ApiOkResponse({ description: 'AdminPointsAdjustmentResponse; 404 MEMBER_NOT_FOUND' })
  adjustPoints(
    @CurrentUser() actor: Principal,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: AdminPointsAdjustmentDto,
  ): Promise<AdminPointsAdjustmentResponse> {
    return this.points.adjust(actor, id, body);
  }
}
