import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrderView } from '@tidepool/shared';
import { Roles } from '../../common/auth/roles.decorator';
import { IdParamPipe } from '../../common/http/id-param.pipe';
import { ShipOrderDto } from './dto/orders.requests';
import { OrderFulfilmentService } from './order-fulfilment.service';

@ApiTags('admin')
@Roles('operator')
@Controller('admin/orders')
export class AdminOrdersController {
  constructor(private readonly fulfilment: OrderFulfilmentService) {}

  @Post(':id/ship')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ship a paid order: record the carrier and tracking number (PAID → FULFILLED)',
    description:
      'The member sees the carrier and tracking number on the order and may confirm receipt; the order completes ' +
      'by itself ORDER_AUTO_CONFIRM_DAYS after shipping. The same carrier and number again answer the order ' +
      'unchanged; another shipment is 409 ORDER_ALREADY_SHIPPED. Pickup orders are handed over in store mode.',
  })
  @ApiOkResponse({ description: 'OrderView (FULFILLED, with shipment); 409 ORDER_STATE_CONFLICT unless PAID' })
  ship(@Param('id', new IdParamPipe()) id: number, @Body() body: ShipOrderDto): Promise<OrderView> {
    return this.fulfilment.ship(id, body);
  }

  /** Handed over outside the system (no tracking number); shipped orders use `ship`. */
  @Post(':id/fulfil')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a paid order fulfilled without a tracking number (PAID → FULFILLED)' })
  @ApiOkResponse({ description: 'OrderView (FULFILLED); 409 ORDER_STATE_CONFLICT unless PAID' })
  fulfil(@Param('id', new IdParamPipe()) id: number): Promise<OrderView> {
    return this.fulfilment.fulfil(id);
  }
}
