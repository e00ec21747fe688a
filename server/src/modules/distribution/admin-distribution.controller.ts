import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AdminCustomerBindingHistory,
  AdminProductDistributionView,
  AdminPromoterCustomerView,
  AdminPromoterView,
  AdminWithdrawalView,
  Page,
  SettlementRunResult,
} from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { CommissionsService } from './commissions.service';
import {
  PromoterQueryDto,
  RejectDto,
  SetProductDistributionDto,
  WithdrawalQueryDto,
} from './dto/distribution.requests';
import { PromoterCenterService } from './promoter-center.service';
import { PromotersService } from './promoters.service';
import { WithdrawalsService } from './withdrawals.service';

/** Operators: promoter review, distribution products and rates, withdrawal review, and a settlement run. */
@ApiTags('admin')
@Roles('operator')
@Controller('admin/distribution')
export class AdminDistributionController {
  constructor(
    private readonly promoters: PromotersService,
    private readonly center: PromoterCenterService,
    private readonly withdrawals: WithdrawalsService,
    private readonly commissions: CommissionsService,
  ) {}

  @Get('promoters')
  @ApiOperation({
    summary: 'Promoters with their customers, orders, paid amount and commission by state',
    description:
      'Filter by status (PENDING: the applications) and by name or id; the figures are computed in SQL for the ' +
      'page: current bindings, first-level attributed orders and their paid line amounts, and the commission ' +
      'account (pending, available, withdrawing, withdrawn; a negative available balance is the debt).',
  })
  @ApiOkResponse({ description: 'Page<AdminPromoterView>' })
  promoterList(@Query() query: PromoterQueryDto): Promise<Page<AdminPromoterView>> {
    return this.promoters.list(query);
  }

  @Get('promoters/:id')
  @ApiOperation({ summary: 'One promoter with its figures', description: '404 PROMOTER_NOT_FOUND' })
  @ApiOkResponse({ description: 'AdminPromoterView' })
  promoter(@Param('id', new IdParamPipe()) id: number): Promise<AdminPromoterView> {
    return this.promoters.get(id);
  }

  @Get('promoters/:id/customers')
  @ApiOperation({
    summary: "A promoter's current customers (bindings), newest first",
    description: 'Phone numbers masked. 404 PROMOTER_NOT_FOUND',
  })
  @ApiOkResponse({ description: 'Page<AdminPromoterCustomerView>' })
  promoterCustomers(
    @Param('id', new IdParamPipe()) id: number,
    @Query() query: PageQueryDto,
  ): Promise<Page<AdminPromoterCustomerView>> {
    return this.promoters.customers(id, query);
  }

  @Get('customers/:memberId/bindings')
  @ApiOperation({
    summary: "A customer's binding history, to settle a dispute between promoters",
    description:
      'The current binding and every decision (bound, extended, kept, rebound, refused as self or loop, extended ' +
      'by an order), oldest first. 404 MEMBER_NOT_FOUND',
  })
  @ApiOkResponse({ description: 'AdminCustomerBindingHistory' })
  bindingHistory(
    @Param('memberId', new IdParamPipe('memberId')) memberId: number,
  ): Promise<AdminCustomerBindingHistory> {
    return this.promoters.bindingHistory(memberId);
  }

  @Post('promoters/:id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve an application, or re-enable a disabled or refused promoter',
    description: 'PENDING/REJECTED/DISABLED → APPROVED; audited. 409 PROMOTER_STATE_CONFLICT otherwise.',
  })
  @ApiOkResponse({ description: 'AdminPromoterView; 409 PROMOTER_STATE_CONFLICT; 404 PROMOTER_NOT_FOUND' })
  approve(@Param('id', new IdParamPipe()) id: number, @CurrentUser() principal: Principal): Promise<AdminPromoterView> {
    return this.promoters.approve(id, principal);
  }

  @Post('promoters/:id/reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Refuse an application with a reason',
    description: 'PENDING → REJECTED; the applicant sees the reason. Audited.',
  })
  @ApiOkResponse({ description: 'AdminPromoterView (PENDING → REJECTED)' })
  reject(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: RejectDto,
    @CurrentUser() principal: Principal,
  ): Promise<AdminPromoterView> {
    return this.promoters.reject(id, body.reason, principal);
  }

  @Post('promoters/:id/disable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disable a promoter',
    description: 'APPROVED → DISABLED: no new bindings or commission; balances stay. Re-enable with approve. Audited.',
  })
  @ApiOkResponse({ description: 'AdminPromoterView (APPROVED → DISABLED)' })
  disable(@Param('id', new IdParamPipe()) id: number, @CurrentUser() principal: Principal): Promise<AdminPromoterView> {
    return this.promoters.disable(id, principal);
  }

  @Get('products')
  @ApiOkResponse({ description: 'Page<AdminProductDistributionView>' })
  products(@Query() query: PageQueryDto): Promise<Page<AdminProductDistributionView>> {
    return this.center.listProducts(query);
  }

  @Put('products/:productId')
  @ApiOkResponse({ description: 'AdminProductDistributionView; 400 COMMISSION_RATE_INVALID; 404 PRODUCT_NOT_FOUND' })
  setProduct(
    @Param('productId', new IdParamPipe()) productId: number,
    @Body() body: SetProductDistributionDto,
  ): Promise<AdminProductDistributionView> {
    return this.center.setProduct(productId, body);
  }

  @Get('withdrawals')
  @ApiOperation({
    summary: 'Withdrawals: the review queue (status=REVIEW) and the payout history',
    description:
      'Filter by status, promoter, amount range (fen) and request time [from, to); newest first. Shows the ' +
      'payout state as the transfer gateway reported it, the failure reason, and what a failure or rejection ' +
      'returned to the promoter.',
  })
  @ApiOkResponse({ description: 'Page<AdminWithdrawalView>' })
  withdrawalList(@Query() query: WithdrawalQueryDto): Promise<Page<AdminWithdrawalView>> {
    return this.withdrawals.adminList(query);
  }

  @Post('withdrawals/:id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve a withdrawal in review and pay it out',
    description: 'REVIEW → PAYING (audited), then the transfer: PAID, FAILED (funds returned) or PAYING for the sweep.',
  })
  @ApiOkResponse({ description: 'AdminWithdrawalView (REVIEW → PAYING → paid); 409 WITHDRAWAL_STATE_CONFLICT' })
  approveWithdrawal(
    @Param('id', new IdParamPipe()) id: number,
    @CurrentUser() principal: Principal,
  ): Promise<AdminWithdrawalView> {
    return this.withdrawals.approve(id, principal);
  }

  @Post('withdrawals/:id/reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Refuse a withdrawal in review with a reason',
    description: 'REVIEW → REJECTED; the amount goes back to available in the same transaction. Audited.',
  })
  @ApiOkResponse({ description: 'AdminWithdrawalView (REVIEW → REJECTED, funds returned)' })
  rejectWithdrawal(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: RejectDto,
    @CurrentUser() principal: Principal,
  ): Promise<AdminWithdrawalView> {
    return this.withdrawals.reject(id, body.reason, principal);
  }

  @Post('settlement/run')
  @HttpCode(200)
  @ApiOkResponse({ description: 'SettlementRunResult' })
  settle(): Promise<SettlementRunResult> {
    return this.commissions.settleDue();
  }
}
