import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffAccount } from '../staff/staff-account.entity';
import { WechatModule } from '../wechat';
import { SignupCode } from './signup-code.entity';
import { SignupCodesService } from './signup-codes.service';
import { Store } from './store.entity';
import { StoresController } from './stores.controller';

/** Stores and their signup codes (in-store signup). */
@Module({
  imports: [TypeOrmModule.forFeature([Store, SignupCode, StaffAccount]), WechatModule],
  controllers: [StoresController],
  providers: [SignupCodesService],
  exports: [SignupCodesService, TypeOrmModule],
})
export class StoresModule {}
