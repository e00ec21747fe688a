import { Module } from '@nestjs/common';
import { BrandModule } from '../brand';
import { CouponsModule } from '../coupons';
import { MembersModule } from '../members';
import { OrdersModule } from '../orders';
import { PosModule } from '../pos';
import { StoresModule } from '../stores';
import { AdminReportsController } from './admin-reports.controller';
import { CouponFiguresService } from './coupon-figures.service';
import { OverviewService } from './overview.service';

/** Figures across modules (the dashboard, coupon figures); owns no tables and asks each module for its own. */
@Module({
  imports: [BrandModule, CouponsModule, MembersModule, OrdersModule, PosModule, StoresModule],
  controllers: [AdminReportsController],
  providers: [OverviewService, CouponFiguresService],
})
export class ReportsModule {}
