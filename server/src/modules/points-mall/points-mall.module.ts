import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoyaltyModule } from '../loyalty';
import { MembersModule } from '../members';
import { StoresModule } from '../stores';
import { AdminGiftsController, AdminRedemptionsController } from './admin-gifts.controller';
import { GiftMemberDataHook } from './gift-member-data.hook';
import { GiftPickupService } from './gift-pickup.service';
import { GiftPickupsController } from './gift-pickups.controller';
import { GiftsService } from './gifts.service';
import { PointsMallController } from './points-mall.controller';
import { POINTS_MALL_ENTITIES } from './points-mall.entities';
import { RedemptionViewsService } from './redemption-views.service';
import { RedemptionService } from './redemption.service';
import { RedemptionsAdminService } from './redemptions-admin.service';

/**
 * Points mall (积分商城): gifts with stock, redemptions that spend points through LoyaltyService, pickup vouchers
 * verified in store mode, and shipments.
 */
@Module({
  imports: [TypeOrmModule.forFeature([...POINTS_MALL_ENTITIES]), LoyaltyModule, MembersModule, StoresModule],
  controllers: [PointsMallController, AdminGiftsController, AdminRedemptionsController, GiftPickupsController],
  providers: [
    GiftsService,
    RedemptionService,
    RedemptionViewsService,
    RedemptionsAdminService,
    GiftPickupService,
    GiftMemberDataHook,
  ],
})
export class PointsMallModule {}
