import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdminAfterSaleView, Page } from '@tidepool/shared';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { AfterSalesAdminService } from './after-sales-admin.service';
import { AdminAfterSaleListQueryDto, RejectAfterSaleDto } from './dto/after-sales.requests';

/** The brand operator reviews after-sales (the console comes later; these routes are its API). */
@ApiTags('admin')
@Roles('operator')
@Controller('admin/after-sales')
export class AdminAfterSalesController {
  constructor(private readonly afterSales: AfterSalesAdminService) {}

  @Get()
  @ApiOperation({ summary: 'After-sales filtered by state, type, order number, member and time, newest first' })
  @ApiOkResponse({ description: 'Page<AdminAfterSaleView>' })
  list(@Query() query: AdminAfterSaleListQueryDto): Promise<Page<AdminAfterSaleView>> {
    return this.afterSales.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One after-sale with its photos and timeline' })
  @ApiOkResponse({ description: 'AdminAfterSaleView; 404 AFTER_SALE_NOT_FOUND' })
  detail(@Param('id', new IdParamPipe()) id: number): Promise<AdminAfterSaleView> {
    return this.afterSales.detail(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve: 仅退款 starts the WeChat Pay refund, 退货退款 waits for the goods (待退货)' })
  @ApiOkResponse({ description: 'AdminAfterSaleView (REFUNDING or AWAITING_RETURN); AFTER_SALE_STATE_CONFLICT' })
  approve(@Param('id', new IdParamPipe()) id: number): Promise<AdminAfterSaleView> {
    return this.afterSales.approve(id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse with a reason the member reads (in review or while awaiting the return)' })
  @ApiOkResponse({ description: 'AdminAfterSaleView (REJECTED); the units go back to the line' })
  reject(@Param('id', new IdParamPipe()) id: number, @Body() body: RejectAfterSaleDto): Promise<AdminAfterSaleView> {
    return this.afterSales.reject(id, body.reason);
  }

  @Post(':id/confirm-return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the returned goods arrived: the WeChat Pay refund starts' })
  @ApiOkResponse({ description: 'AdminAfterSaleView (REFUNDING, REFUNDED once WeChat confirms)' })
  confirmReturn(@Param('id', new IdParamPipe()) id: number): Promise<AdminAfterSaleView> {
    return this.afterSales.confirmReturn(id);
  }
}
