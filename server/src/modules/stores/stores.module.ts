import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffModule } from '../staff';
import { WechatModule } from '../wechat';
import { SignupCode } from './signup-code.entity';
import { SignupCodesService } from './signup-codes.service';
import { Store } from './store.entity';
import { StoresController } from './stores.controller';
import { StoresService } from './stores.service';

/** Stores and their signup codes (in-store signup). */
@Module({
  imports: [TypeOrmModule.forFeature([Store, SignupCode]), StaffModule, WechatModule],
  controllers: [StoresController],
  providers: [SignupCodesService, StoresService],
  exports: [SignupCodesService, StoresService],
})
export class StoresModule {}
