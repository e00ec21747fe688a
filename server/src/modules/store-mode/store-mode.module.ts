import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouponsModule } from '../coupons';
import { MembersModule } from '../members';
import { StoresModule } from '../stores';
import { MemberCodeScan } from './member-code-scan.entity';
import { MemberCodeScansHook } from './member-code-scans.hook';
import { ScanRateLimiter } from './scan-rate.limiter';
import { StoreModeController } from './store-mode.controller';
import { StoreModeService } from './store-mode.service';

/** Store mode (门店模式) for cashiers: member-code scans and what a cashier does for the scanned member. */
@Module({
  imports: [TypeOrmModule.forFeature([MemberCodeScan]), MembersModule, StoresModule, CouponsModule],
  controllers: [StoreModeController],
  providers: [StoreModeService, ScanRateLimiter, MemberCodeScansHook],
  exports: [StoreModeService],
})
export class StoreModeModule {}
