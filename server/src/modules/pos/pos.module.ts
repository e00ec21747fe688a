import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouponsModule } from '../coupons';
import { LoyaltyModule } from '../loyalty';
import { MembersModule } from '../members';
import { StoresModule } from '../stores';
import { StoreModeModule } from '../store-mode';
import { PosController } from './pos.controller';
import { PosService } from './pos.service';
import { TillAwardsConsumer } from './till-awards.consumer';
import { TillReadsService } from './till-reads.service';
import { TillTransaction } from './till-transaction.entity';

/** In-store purchases for scanned members: member-day and coupon pricing, points and growth, refunds. */
@Module({
  imports: [
    TypeOrmModule.forFeature([TillTransaction]),
    StoreModeModule,
    MembersModule,
    CouponsModule,
    LoyaltyModule,
    StoresModule,
  ],
  controllers: [PosController],
  providers: [PosService, TillAwardsConsumer, TillReadsService],
  exports: [TillReadsService],
})
export class PosModule {}
