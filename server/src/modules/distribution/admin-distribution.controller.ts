import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  AdminProductDistributionView,
  AdminPromoterView,
  AdminWithdrawalView,
  Page,
  SettlementRunResult,
} from '@tidepool/shared';
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
  @ApiOkResponse({ description: 'Page<AdminPromoterView>' })
  promoterList(@Query() query: PromoterQueryDto): Promise<Page<AdminPromoterView>> {
    return this.promoters.list(query.status, query);
  }

  @Post('promoters/:id/approve')
  @HttpCode(200)
  @ApiOkResponse({ description: 'AdminPromoterView; 409 PROMOTER_STATE_CONFLICT; 404 PROMOTER_NOT_FOUND' })
  approve(@Param('id', new IdParamPipe()) id: number): Promise<AdminPromoterView> {
    return this.promoters.approve(id);
  }

  @Post('promoters/:id/reject')
  @HttpCode(200)
  @ApiOkResponse({ description: 'AdminPromoterView (PENDING → REJECTED)' })
  reject(@Param('id', new IdParamPipe()) id: number, @Body() body: RejectDto): Promise<AdminPromoterView> {
    return this.promoters.reject(id, body.reason);
  }

  @Post('promoters/:id/disable')
  @HttpCode(200)
  @ApiOkResponse({ description: 'AdminPromoterView (APPROVED → DISABLED)' })
  disable(@Param('id', new IdParamPipe()) id: number): Promise<AdminPromoterView> {
    return this.promoters.disable(id);
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
  @ApiOkResponse({ description: 'Page<AdminWithdrawalView>' })
  withdrawalList(@Query() query: WithdrawalQueryDto): Promise<Page<AdminWithdrawalView>> {
    return this.withdrawals.adminList(query.status, query);
  }

  @Post('withdrawals/:id/approve')
  @HttpCode(200)
  @ApiOkResponse({ description: 'AdminWithdrawalView (REVIEW → PAYING → paid); 409 WITHDRAWAL_STATE_CONFLICT' })
  approveWithdrawal(@Param('id', new IdParamPipe()) id: number): Promise<AdminWithdrawalView> {
    return this.withdrawals.approve(id);
  }

  @Post('withdrawals/:id/reject')
  @HttpCode(200)
  @ApiOkResponse({ description: 'AdminWithdrawalView (REVIEW → REJECTED, funds returned)' })
  rejectWithdrawal(@Param('id', new IdParamPipe()) id: number, @Body() body: RejectDto): Promise<AdminWithdrawalView> {
    return this.withdrawals.reject(id, body.reason);
  }

  @Post('settlement/run')
  @HttpCode(200)
  @ApiOkResponse({ description: 'SettlementRunResult' })
  settle(): Promise<SettlementRunResult> {
    return this.commissions.settleDue();
  }
}
