import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouponsModule } from '../coupons';
import { MemberFactsModule } from '../member-facts';
import { AdminWinBackController } from './admin-win-back.controller';
import { WinBackCycle, WinBackProgramme } from './win-back.entities';
import { WinBackService } from './win-back.service';

/** Win-back waves (流失挽回): the programme, the daily job and the treated-versus-holdout report. */
@Module({
  imports: [TypeOrmModule.forFeature([WinBackProgramme, WinBackCycle]), MemberFactsModule, CouponsModule],
  controllers: [AdminWinBackController],
  providers: [WinBackService],
  exports: [WinBackService],
})
export class WinBackModule {}
