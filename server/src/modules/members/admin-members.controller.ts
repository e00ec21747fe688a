import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AdminGrowthAdjustmentResponse,
  type AdminGrowthEntryView,
  type AdminMemberConsentsView,
  type AdminMemberDeletionRequestView,
  type AdminPointsLotView,
  type PersonalDataExport,
  type VoucherView,
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
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { BrandSettings } from '../brand';
import {
  AdminDeletionRequestQueryDto,
  AdminGrowthAdjustmentDto,
  AdminMemberSearchQueryDto,
  AdminPointsAdjustmentDto,
  AdminProcessDeletionRequestDto,
} from './dto/admin-members.requests';
import { MemberDeletionRequests } from './deletion-requests.service';
import { MemberProfileAdmin } from './member-profile-admin.service';
import { MemberPointsAdmin } from './member-points-admin.service';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { type Principal, storeScopeOf } from '../../common/auth/principal';
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
    private readonly profile: MemberProfileAdmin,
    private readonly deletionRequests: MemberDeletionRequests,
  ) {}

  @Get('deletion-requests')
  @ApiOperation({
    summary: 'The PIPL deletion-request queue (注销申请)',
    description:
      'Shoppers’ requests to delete their account: PENDING ones oldest first (the default), or DONE ones newest ' +
      'first with who processed them and when. Phones masked. Brand operators only.',
  })
  @ApiOkResponse({ description: 'Page<AdminMemberDeletionRequestView>' })
  deletionQueue(@Query() query: AdminDeletionRequestQueryDto): Promise<Page<AdminMemberDeletionRequestView>> {
    return this.deletionRequests.list(query.status, query);
  }

  @Post('deletion-requests/:id/process')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Process a deletion request: anonymise the member (irreversible, audited)',
    description:
      'The operator retypes the member id as the confirmation (a mismatch is 400 VALIDATION_FAILED naming ' +
      'confirmMemberId). The member’s personal fields are anonymised as the shopper’s own deletion does, the ' +
      'request becomes DONE and an audit row is written, in one unit of work. Processing a DONE request again ' +
      'answers it unchanged. 404 MEMBER_DELETION_REQUEST_NOT_FOUND. Brand operators only.',
  })
  @ApiOkResponse({ description: 'AdminMemberDeletionRequestView' })
  processDeletion(
    @CurrentUser() actor: Principal,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: AdminProcessDeletionRequestDto,
  ): Promise<AdminMemberDeletionRequestView> {
    return this.deletionRequests.process(actor, id, body.confirmMemberId);
  }

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
  @Roles('operator', 'store_manager')
  @ApiOperation({
    summary: 'One member as an operator sees it (phone masked)',
    description:
      'The profile header: masked phone, signup time and store, tier, points and growth. A store manager sees ' +
      'only members who signed up at their store; any other is 404 MEMBER_NOT_FOUND.',
  })
  @ApiOkResponse({ description: 'OperatorMemberView; 404 MEMBER_NOT_FOUND' })
  async get(@CurrentUser() actor: Principal, @Param('id', new IdParamPipe()) id: number): Promise<OperatorMemberView> {
    const member = await this.profile.requireMember(id, storeScopeOf(actor));
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

  @Get(':id/growth')
  @Roles('operator', 'store_manager')
  @ApiOperation({
    summary: 'A member’s growth ledger (成长值明细), newest first',
    description:
      'Every purchase’s growth, its refund’s reversal and each operator correction, with the growth and tier ' +
      'after it. Store managers: their store’s members only (else 404 MEMBER_NOT_FOUND).',
  })
  @ApiOkResponse({ description: 'Page<AdminGrowthEntryView>; 404 MEMBER_NOT_FOUND' })
  growthLedger(
    @CurrentUser() actor: Principal,
    @Param('id', new IdParamPipe()) id: number,
    @Query() page: PageQueryDto,
  ): Promise<Page<AdminGrowthEntryView>> {
    return this.profile.growthLedger(id, storeScopeOf(actor), page);
  }

  @Post(':id/growth-adjustments')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add or deduct a member’s growth with a reason (through the growth ledger, audited)',
    description:
      'The tier follows the new growth, up or down. A deduction below zero is refused with 409 ' +
      'GROWTH_ADJUSTMENT_BELOW_ZERO and changes nothing. Idempotent by requestId. Brand operators only (a store ' +
      'manager is 403).',
  })
  @ApiOkResponse({ description: 'AdminGrowthAdjustmentResponse; 404 MEMBER_NOT_FOUND' })
  adjustGrowth(
    @CurrentUser() actor: Principal,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: AdminGrowthAdjustmentDto,
  ): Promise<AdminGrowthAdjustmentResponse> {
    return this.profile.adjustGrowth(actor, id, body);
  }

  @Get(':id/points-lots')
  @Roles('operator', 'store_manager')
  @ApiOperation({
    summary: 'A member’s points lots (积分批次) and their expiry',
    description:
      'Each earning’s lot with what is left of it and when it expires; open lots first, soonest expiry first. ' +
      'Store managers: their store’s members only (else 404 MEMBER_NOT_FOUND).',
  })
  @ApiOkResponse({ description: 'Page<AdminPointsLotView>; 404 MEMBER_NOT_FOUND' })
  pointsLots(
    @CurrentUser() actor: Principal,
    @Param('id', new IdParamPipe()) id: number,
    @Query() page: PageQueryDto,
  ): Promise<Page<AdminPointsLotView>> {
    return this.profile.pointsLots(id, storeScopeOf(actor), page);
  }

  @Get(':id/vouchers')
  @Roles('operator', 'store_manager')
  @ApiOperation({
    summary: 'A member’s goods vouchers (the signup gift)',
    description:
      'Each voucher with its state (AVAILABLE, REDEEMED, EXPIRED), validity and where it was redeemed. Store ' +
      'managers: their store’s members only (else 404 MEMBER_NOT_FOUND).',
  })
  @ApiOkResponse({ description: '{ items: VoucherView[] }; 404 MEMBER_NOT_FOUND' })
  vouchers(
    @CurrentUser() actor: Principal,
    @Param('id', new IdParamPipe()) id: number,
  ): Promise<{ items: VoucherView[] }> {
    return this.profile.memberVouchers(id, storeScopeOf(actor));
  }

  @Get(':id/consents')
  @Roles('operator', 'store_manager')
  @ApiOperation({
    summary: 'A member’s consents: the privacy policy version agreed and when',
    description:
      'The privacy consent version and time given at signup, and a pending PIPL deletion request if any. Store ' +
      'managers: their store’s members only (else 404 MEMBER_NOT_FOUND).',
  })
  @ApiOkResponse({ description: 'AdminMemberConsentsView; 404 MEMBER_NOT_FOUND' })
  consents(
    @CurrentUser() actor: Principal,
    @Param('id', new IdParamPipe()) id: number,
  ): Promise<AdminMemberConsentsView> {
    return this.profile.consents(id, storeScopeOf(actor));
  }

  @Get(':id/personal-data')
  @ApiOperation({
    summary: 'PIPL export: the member’s personal data as JSON (audited)',
    description:
      'The same document the shopper’s own 导出我的数据 gives (full phone included), for a request made by phone ' +
      'or in a store. Every export writes an audit row. Brand operators only.',
  })
  @ApiOkResponse({ description: 'PersonalDataExport; 404 MEMBER_NOT_FOUND' })
  exportPersonalData(
    @CurrentUser() actor: Principal,
    @Param('id', new IdParamPipe()) id: number,
  ): Promise<PersonalDataExport> {
    return this.profile.exportData(actor, id);
  }
}
