import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { GiftPickupResult } from '@tidepool/shared';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Principal } from '../../common/auth/principal';
import { Roles } from '../../common/auth/roles.decorator';
import { GiftPickupDto } from './dto/points-mall.requests';
import { GiftPickupService } from './gift-pickup.service';

/** Store mode: the cashier verifies a redeemed gift's pickup code and hands it over (核销礼品). */
@ApiTags('store-mode')
@Roles('cashier')
@Controller('store-mode/gift-pickups')
export class GiftPickupsController {
  constructor(private readonly pickups: GiftPickupService) {}

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ description: 'GiftPickupResult; 404 GIFT_PICKUP_NOT_FOUND; 409 GIFT_ALREADY_PICKED_UP' })
  pickUp(@CurrentUser() cashier: Principal, @Body() body: GiftPickupDto): Promise<GiftPickupResult> {
    return this.pickups.pickUp(cashier, body.pickupCode);
  }
}
