import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdminAfterSaleDetail, Page } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { type Principal, storeScopeOf } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { AfterSalesAdminService } from './after-sales-admin.service';
import { AdminAfterSaleListQueryDto, RejectAfterSaleDto } from './dto/after-sales.requests';

const SCOPE_NOTE =
  'A store manager sees and acts on the after-sales of their own store’s orders only (an order belongs to its ' +
  'pickup store): any other is 404 AFTER_SALE_NOT_FOUND.';

/** The console's after-sales queue and review. */
@ApiTags('admin')
@Roles('operator', 'store_manager')
@Controller('admin/after-sales')
export class AdminAfterSalesController {
  constructor(private readonly afterSales: AfterSalesAdminService) {}

  @Get()
  @ApiOperation({
    summary: 'After-sales filtered by state, type, order number, member and time, newest first',
    description:
      'Filters and pagination in SQL. Each row carries its photos, timeline and, once a refund was asked for, the ' +
      'WeChat Pay refund (out_refund_no, refund_id and its status as WeChat reports it). ' +
      SCOPE_NOTE,
  })
  @ApiOkResponse({ description: 'Page<AdminAfterSaleDetail>' })
  list(
    @Query() query: AdminAfterSaleListQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<AdminAfterSaleDetail>> {
    return this.afterSales.list(query, storeScopeOf(principal));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One after-sale with its photos, timeline and WeChat Pay refund status',
    description: `The refund's status is the refund record's: PROCESSING, SUCCESS, ABNORMAL (needs WeChat support) or CLOSED. ${SCOPE_NOTE}`,
  })
  @ApiOkResponse({ description: 'AdminAfterSaleDetail; 404 AFTER_SALE_NOT_FOUND' })
  detail(
    @Param('id', new IdParamPipe()) id: number,
    @CurrentUser() principal: Principal,
  ): Promise<AdminAfterSaleDetail> {
    return this.afterSales.detail(id, storeScopeOf(principal));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve: 仅退款 starts the WeChat Pay refund, 退货退款 waits for the goods (待退货)',
    description: `A repeated approval answers the after-sale as it is. Audited as after_sale.approve. ${SCOPE_NOTE}`,
  })
  @ApiOkResponse({ description: 'AdminAfterSaleDetail (REFUNDING or AWAITING_RETURN); AFTER_SALE_STATE_CONFLICT' })
  approve(
    @Param('id', new IdParamPipe()) id: number,
    @CurrentUser() principal: Principal,
  ): Promise<AdminAfterSaleDetail> {
    return this.afterSales.approve(principal, id, storeScopeOf(principal));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Refuse with a reason the member reads (in review or while awaiting the return)',
    description: `The held units go back to the order line. Audited as after_sale.reject. ${SCOPE_NOTE}`,
  })
  @ApiOkResponse({ description: 'AdminAfterSaleDetail (REJECTED); 400 VALIDATION_FAILED without a reason' })
  reject(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: RejectAfterSaleDto,
    @CurrentUser() principal: Principal,
  ): Promise<AdminAfterSaleDetail> {
    return this.afterSales.reject(principal, id, body.reason, storeScopeOf(principal));
  }

  @Post(':id/confirm-return')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm the returned goods arrived: the WeChat Pay refund starts',
    description: `AWAITING_RETURN → REFUNDING; REFUNDED once WeChat confirms. Audited as after_sale.confirm_return. ${SCOPE_NOTE}`,
  })
  @ApiOkResponse({ description: 'AdminAfterSaleDetail (REFUNDING, REFUNDED once WeChat confirms)' })
  confirmReturn(
    @Param('id', new IdParamPipe()) id: number,
    @CurrentUser() principal: Principal,
  ): Promise<AdminAfterSaleDetail> {
    return this.afterSales.confirmReturn(principal, id, storeScopeOf(principal));
  }
}
