import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StorefrontAdminController, StorefrontController } from './storefront.controller';
import { StorefrontSettings } from './storefront-settings.entity';
import { StorefrontService } from './storefront.service';

/** Storefront settings the operator sets: search suggestions (热门搜索) and the customer-service contact. */
@Module({
  imports: [TypeOrmModule.forFeature([StorefrontSettings])],
  controllers: [StorefrontController, StorefrontAdminController],
  providers: [StorefrontService],
  exports: [StorefrontService],
})
export class StorefrontModule {}
