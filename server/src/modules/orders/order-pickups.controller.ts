import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrderPickupView } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { OrderPickupDto } from './dto/orders.requests';
import { OrderPickupService } from './order-pickup.service';

/** Store mode: 核销自提 — the cashier of the order's pickup store hands a paid PICKUP order over, once. */
@ApiTags('store-mode')
@Roles('cashier')
@Controller('store-mode/order-pickups')
export class OrderPickupsController {
  constructor(private readonly pickups: OrderPickupService) {}

  @Post('lookup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Show the order a pickup code belongs to (nothing changes)' })
  @ApiOkResponse({
    description: 'OrderPickupView; 404 ORDER_PICKUP_NOT_FOUND; 409 ORDER_PICKUP_WRONG_STORE (names the store)',
  })
  lookUp(@CurrentUser() cashier: Principal, @Body() body: OrderPickupDto): Promise<OrderPickupView> {
    return this.pickups.lookUp(cashier, body.pickupCode);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand a paid pickup order over at its store (PAID → FULFILLED → COMPLETED)' })
  @ApiOkResponse({
    description:
      'OrderPickupView (COMPLETED); 409 ORDER_ALREADY_PICKED_UP (when and where), ORDER_PICKUP_WRONG_STORE, ' +
      'ORDER_STATE_CONFLICT (unpaid, cancelled, refund under way)',
  })
  handOver(@CurrentUser() cashier: Principal, @Body() body: OrderPickupDto): Promise<OrderPickupView> {
    return this.pickups.handOver(cashier, body.pickupCode);
  }
}
