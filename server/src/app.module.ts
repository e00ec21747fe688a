import { type DynamicModule, Module } from '@nestjs/common';
import { ClockModule } from './common/clock/clock.module';
import type { Clock } from './common/clock/clock.service';
import { type AppConfig, ConfigModule } from './config/config.module';
import { loadConfig } from './config/env';
import { TransactionsModule } from './common/database/transactions';
import { DatabaseModule } from './database/database.module';
import { AfterSalesModule } from './modules/after-sales/after-sales.module';
import { AddressesModule } from './modules/addresses/addresses.module';
import { AuthModule } from './modules/auth/auth.module';
import { BrandModule } from './modules/brand/brand.module';
import { CartModule } from './modules/cart/cart.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { CouponsModule } from './modules/coupons/coupons.module';
import { DropsModule } from './modules/drops/drops.module';
import { DistributionModule } from './modules/distribution/distribution.module';
import { HealthModule } from './modules/health/health.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { MembersModule } from './modules/members/members.module';
import { OrdersModule } from './modules/orders/orders.module';
import { OutboxModule } from './modules/outbox/outbox.module';
import { PointsMallModule } from './modules/points-mall/points-mall.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { PosModule } from './modules/pos/pos.module';
import { SeedModule } from './modules/seed/seed.module';
import { StoreModeModule } from './modules/store-mode/store-mode.module';
import { StorefrontModule } from './modules/storefront/storefront.module';
import { StoresModule } from './modules/stores/stores.module';
import { WechatModule } from './modules/wechat/wechat.module';
import { WechatDevModule } from './modules/wechat/wechat-dev.module';

@Module({})
export class AppModule {
  static forRoot(config?: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        DatabaseModule,
        TransactionsModule,
        BrandModule,
        JobsModule,
        OutboxModule,
        HealthModule,
        CatalogModule,
        SeedModule,
        WechatModule,
        AuthModule,
        StoresModule,
        MembersModule,
        StoreModeModule,
        CouponsModule,
        PosModule,
        OrdersModule,
        AfterSalesModule,
        PointsMallModule,
        PaymentsModule.forRoot(config ?? loadConfig()),
        CartModule,
        DropsModule,
        AddressesModule,
        StorefrontModule,
        WechatDevModule.forRoot(config ?? loadConfig()),
        DistributionModule.forRoot(config ?? loadConfig()),
      ],
    };
  }
}
