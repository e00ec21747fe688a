import { type DynamicModule, Module } from '@nestjs/common';
import { ClockModule } from './common/clock/clock.module';
import type { Clock } from './common/clock/clock.service';
import { type AppConfig, ConfigModule } from './config/config.module';
import { loadConfig } from './config/env';
import { TransactionsModule } from './common/database/transactions.module';
import { AuditModule } from './modules/audit';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { DatabaseModule } from './database/database.module';
import { AfterSalesModule } from './modules/after-sales';
import { AddressesModule } from './modules/addresses';
import { AuthModule } from './modules/auth';
import { BrandModule, BrandRulesAdminModule } from './modules/brand';
import { CartModule } from './modules/cart';
import { CatalogModule } from './modules/catalog';
import { CouponsModule } from './modules/coupons';
import { DropsModule } from './modules/drops';
import { DistributionModule } from './modules/distribution';
import { HealthModule } from './modules/health';
import { JobsModule } from './modules/jobs';
import { MembersModule } from './modules/members';
import { OrdersModule } from './modules/orders';
import { OutboxModule } from './modules/outbox';
import { PointsMallModule } from './modules/points-mall';
import { PaymentsModule } from './modules/payments';
import { PosModule } from './modules/pos';
import { ReportsModule } from './modules/reports';
import { SeedModule } from './modules/seed';
import { StoreModeModule } from './modules/store-mode';
import { MemberFactsModule } from './modules/member-facts';
import { CampaignsModule } from './modules/campaigns';
import { MessagesModule } from './modules/messages';
import { SegmentsModule } from './modules/segments';
import { WinBackModule } from './modules/win-back';
import { StorefrontModule } from './modules/storefront';
import { StaffAdminModule } from './modules/staff-admin';
import { StoresModule } from './modules/stores';
import { WechatModule } from './modules/wechat';
import { WechatDevModule } from './modules/wechat';

@Module({})
export class AppModule {
  static forRoot(config?: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        RateLimitModule,
        DatabaseModule,
        TransactionsModule,
        BrandModule,
        AuditModule,
        BrandRulesAdminModule,
        JobsModule,
        OutboxModule,
        HealthModule,
        CatalogModule,
        SeedModule,
        WechatModule,
        AuthModule,
        StoresModule,
        StaffAdminModule,
        MembersModule,
        StoreModeModule,
        CouponsModule,
        PosModule,
        ReportsModule,
        OrdersModule,
        AfterSalesModule,
        PointsMallModule,
        PaymentsModule.forRoot(config ?? loadConfig()),
        CartModule,
        DropsModule,
        AddressesModule,
        StorefrontModule,
        MemberFactsModule,
        CampaignsModule,
        MessagesModule,
        SegmentsModule,
        WinBackModule,
        WechatDevModule.forRoot(config ?? loadConfig()),
        DistributionModule.forRoot(config ?? loadConfig()),
      ],
    };
  }
}
