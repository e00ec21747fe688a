import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  CommissionRecordPage,
  CustomerPage,
  DistributionRulesResponse,
  EarningsView,
  LedgerEntryPage,
  MaterialPage,
  PosterView,
  ProductDistributionView,
  PromoterMeView,
  RecordVisitResponse,
  ReferralTokenView,
  ShareFunnelPage,
  ShareTokenView,
  TeamPage,
  WithdrawalPage,
  WithdrawalView,
} from '@tidepool/shared';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { type AuthenticatedRequest, MEMBER_ROLES, type Principal } from '../../common/auth/principal';
import { Public } from '../../common/auth/public.decorator';
import { Roles } from '../../common/auth/roles.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { AuthTokenService } from '../auth';
import { MembersService } from '../members';
import { DISTRIBUTION_OPTIONS, type DistributionOptions, rulesView } from './distribution.options';
import {
  CommissionQueryDto,
  CreateWithdrawalDto,
  PromoterApplyDto,
  RecordVisitDto,
  ShareTargetDto,
} from './dto/distribution.requests';
import { PromoterCenterService } from './promoter-center.service';
import { PromotersService } from './promoters.service';
import { ReferralsService } from './referrals.service';
import { WithdrawalsService } from './withdrawals.service';
import { Inject } from '@nestjs/common';
import { BrandSettings } from '../brand';

/**
 * Distribution for members (分销): promoter status and application, sharing (tokens, posters, codes), visits that
 * bind customers, and the promoter center (earnings, commissions, customers, team, materials, funnel,
 * withdrawals). Member tokens throughout; being an approved promoter is checked here, not by a role.
 */
@ApiTags('distribution')
@Controller('distribution')
export class DistributionController {
  constructor(
    private readonly promoters: PromotersService,
    private readonly referrals: ReferralsService,
    private readonly center: PromoterCenterService,
    private readonly withdrawals: WithdrawalsService,
    private readonly members: MembersService,
    private readonly authTokens: AuthTokenService,
    @Inject(DISTRIBUTION_OPTIONS) private readonly options: DistributionOptions,
    private readonly brand: BrandSettings,
  ) {}

  @Public()
  @Get('rules')
  @ApiOkResponse({ description: 'DistributionRulesView' })
  rules(): DistributionRulesResponse {
    return rulesView(this.options, this.brand.rules());
  }

  @Roles('member', 'promoter')
  @Get('me')
  @ApiOkResponse({ description: 'PromoterMeView' })
  me(@CurrentUser() principal: Principal): Promise<PromoterMeView> {
    return this.promoters.me(principal.id);
  }

  @Roles('member', 'promoter')
  @Post('apply')
  @HttpCode(200)
  @ApiOkResponse({ description: 'PromoterMeView (PENDING, or APPROVED with auto-approval); 403 NOT_SIGNED_UP' })
  async apply(@CurrentUser() principal: Principal, @Body() body: PromoterApplyDto): Promise<PromoterMeView> {
    const member = await this.members.requireById(principal.id);
    if (!member.signedUpAt) throw new DomainException('NOT_SIGNED_UP');
    return this.promoters.apply(member.id, body);
  }

  @Roles('member', 'promoter')
  @Post('share-tokens')
  @HttpCode(200)
  @ApiOkResponse({ description: 'ShareTokenView; 403 PROMOTER_NOT_APPROVED; 404 SHARE_TARGET_NOT_FOUND' })
  shareToken(@CurrentUser() principal: Principal, @Body() body: ShareTargetDto): Promise<ShareTokenView> {
    return this.referrals.shareToken(principal.id, body.targetType, body.targetId);
  }

  @Roles('member', 'promoter')
  @Post('posters')
  @HttpCode(200)
  @ApiOkResponse({ description: 'PosterView; 403 PROMOTER_NOT_APPROVED; 404 SHARE_TARGET_NOT_FOUND' })
  poster(@CurrentUser() principal: Principal, @Body() body: ShareTargetDto): Promise<PosterView> {
    return this.referrals.poster(principal.id, body.targetType, body.targetId);
  }

  @Public()
  @Get('tokens/:token')
  @ApiOkResponse({ description: 'ReferralTokenView (valid: false for an unknown token, never an error)' })
  resolve(@Param('token') token: string): Promise<ReferralTokenView> {
    return this.referrals.resolve(token);
  }

  @Public()
  @Get('codes/:file')
  @ApiOkResponse({ description: 'image/png: the poster mini program code for <token>.png' })
  async code(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const token = /^([A-Za-z0-9]{1,32})\.png$/.exec(file)?.[1];
    if (!token) throw new DomainException('SHARE_TARGET_NOT_FOUND');
    const image = await this.referrals.codeImage(token);
    void reply.header('content-type', 'image/png').header('cache-control', 'public, max-age=86400');
    return image;
  }

  @Public()
  @Post('visits')
  @HttpCode(200)
  @ApiOkResponse({ description: 'RecordVisitResponse; with a member token the visit also binds' })
  visit(@Req() request: AuthenticatedRequest, @Body() body: RecordVisitDto): Promise<RecordVisitResponse> {
    return this.referrals.visit(body.token, this.optionalMember(request), body.visitorId ?? null);
  }

  @Roles('member', 'promoter')
  @Get('products/:productId')
  @ApiOkResponse({ description: 'ProductDistributionView; 404 PRODUCT_NOT_FOUND' })
  product(
    @CurrentUser() principal: Principal,
    @Param('productId', new IdParamPipe()) productId: number,
  ): Promise<ProductDistributionView> {
    return this.center.productInfo(principal.id, productId);
  }

  @Roles('member', 'promoter')
  @Get('materials')
  @ApiOkResponse({ description: 'Page<MaterialView>; 403 PROMOTER_NOT_APPROVED' })
  async materials(@CurrentUser() principal: Principal, @Query() query: PageQueryDto): Promise<MaterialPage> {
    await this.promoters.requireApproved(principal.id);
    return this.center.materials(query);
  }

  @Roles('member', 'promoter')
  @Get('me/earnings')
  @ApiOkResponse({ description: 'EarningsView; 403 PROMOTER_NOT_APPROVED' })
  async earnings(@CurrentUser() principal: Principal): Promise<EarningsView> {
    return this.center.earnings(await this.promoters.requireApproved(principal.id));
  }

  @Roles('member', 'promoter')
  @Get('me/commissions')
  @ApiOkResponse({ description: 'Page<CommissionRecordView>, newest first' })
  async commissions(
    @CurrentUser() principal: Principal,
    @Query() query: CommissionQueryDto,
  ): Promise<CommissionRecordPage> {
    return this.center.commissionRecords(await this.promoters.requireApproved(principal.id), query.status, query);
  }

  @Roles('member', 'promoter')
  @Get('me/ledger')
  @ApiOkResponse({ description: 'Page<LedgerEntryView>, newest first' })
  async ledger(@CurrentUser() principal: Principal, @Query() query: PageQueryDto): Promise<LedgerEntryPage> {
    return this.center.ledgerEntries(await this.promoters.requireApproved(principal.id), query);
  }

  @Roles('member', 'promoter')
  @Get('me/customers')
  @ApiOkResponse({ description: 'Page<CustomerView>' })
  async customers(@CurrentUser() principal: Principal, @Query() query: PageQueryDto): Promise<CustomerPage> {
    return this.center.customers(await this.promoters.requireApproved(principal.id), query);
  }

  @Roles('member', 'promoter')
  @Get('me/team')
  @ApiOkResponse({ description: 'Page<TeamMemberView>' })
  async team(@CurrentUser() principal: Principal, @Query() query: PageQueryDto): Promise<TeamPage> {
    return this.center.team(await this.promoters.requireApproved(principal.id), query);
  }

  @Roles('member', 'promoter')
  @Get('me/shares')
  @ApiOkResponse({ description: 'Page<ShareFunnelView>' })
  async shares(@CurrentUser() principal: Principal, @Query() query: PageQueryDto): Promise<ShareFunnelPage> {
    return this.center.shares(await this.promoters.requireApproved(principal.id), query);
  }

  @Roles('member', 'promoter')
  @Post('me/withdrawals')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'WithdrawalView; idempotent by clientRequestId. 400 WITHDRAW_BELOW_MINIMUM; 409 COMMISSION_INSUFFICIENT / ' +
      'WITHDRAW_DAILY_LIMIT / WITHDRAW_REQUEST_CONFLICT',
  })
  async withdraw(@CurrentUser() principal: Principal, @Body() body: CreateWithdrawalDto): Promise<WithdrawalView> {
    const promoter = await this.promoters.requireApproved(principal.id);
    return this.withdrawals.request(promoter, body.amountFen, body.clientRequestId);
  }

  @Roles('member', 'promoter')
  @Get('me/withdrawals')
  @ApiOkResponse({ description: 'Page<WithdrawalView>, newest first' })
  async myWithdrawals(@CurrentUser() principal: Principal, @Query() query: PageQueryDto): Promise<WithdrawalPage> {
    return this.withdrawals.mine((await this.promoters.requireApproved(principal.id)).id, query);
  }

  /** A member token on a public route: used when valid, ignored otherwise (the visit then counts anonymously). */
  private optionalMember(request: AuthenticatedRequest): number | null {
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(request.headers.authorization ?? '');
    if (!match?.[1]) return null;
    try {
      const principal = this.authTokens.verify(match[1]);
      return MEMBER_ROLES.includes(principal.role) ? principal.id : null;
    } catch {
      return null;
    }
  }
}
