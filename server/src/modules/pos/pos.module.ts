import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouponsModule } from '../coupons/coupons.module';
import { LoyaltyModule } from '../loyalty/loyalty.module';
import { MembersModule } from '../members/members.module';
import { StoreModeModule } from '../store-mode/store-mode.module';
import { Store } from '../stores/store.entity';
import { PosController } from './pos.controller';
import { PosService } from './pos.service';
import { TillAwardsConsumer } from './till-awards.consumer';
import { TillTransaction } from './till-transaction.entity';

/** In-store purchases for scanned members: member-day and coupon pricing, points and growth, refunds. */
@Module({
  imports: [
    TypeOrmModule.forFeature([TillTransaction, Store]),
    StoreModeModule,
    MembersModule,
    CouponsModule,
    LoyaltyModule,
  ],
  controllers: [PosController],
  providers: [PosService, TillAwardsConsumer],
})
export class PosModule {}
