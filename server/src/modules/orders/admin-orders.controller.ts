import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrderView } from '@tidepool/shared';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { OrdersService } from './orders.service';

@ApiTags('admin')
@Roles('operator')
@Controller('admin/orders')
export class AdminOrdersController {
  constructor(private readonly orders: OrdersService) {}

  /** Shipped, or handed over at the pickup store. */
  @Post(':id/fulfil')
  @HttpCode(200)
  @ApiOkResponse({ description: 'OrderView (FULFILLED); 409 ORDER_STATE_CONFLICT unless PAID' })
  fulfil(@Param('id', new IdParamPipe()) id: number): Promise<OrderView> {
    return this.orders.fulfil(id);
  }
}
