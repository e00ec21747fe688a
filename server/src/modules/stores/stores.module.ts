import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffModule } from '../staff';
import { WechatModule } from '../wechat';
import { AdminStoresController } from './admin-stores.controller';
import { Brand } from './brand.entity';
import { SignupCode } from './signup-code.entity';
import { SignupCodesService } from './signup-codes.service';
import { Store } from './store.entity';
import { StoresController } from './stores.controller';
import { StoresAdminService } from './stores-admin.service';
import { StoresService } from './stores.service';

/** Stores and their signup codes (in-store signup). */
@Module({
  imports: [TypeOrmModule.forFeature([Store, SignupCode, Brand]), StaffModule, WechatModule],
  controllers: [StoresController, AdminStoresController],
  providers: [SignupCodesService, StoresService, StoresAdminService],
  exports: [SignupCodesService, StoresService],
})
export class StoresModule {}
