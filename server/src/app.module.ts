import { type DynamicModule, Module } from '@nestjs/common';
import { ClockModule } from './common/clock/clock.module';
import { type AppConfig, ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuthModule } from './modules/auth/auth.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { HealthModule } from './modules/health/health.module';
import { SeedModule } from './modules/seed/seed.module';
import { WechatModule } from './modules/wechat/wechat.module';

@Module({})
export class AppModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        DatabaseModule,
        HealthModule,
        CatalogModule,
        SeedModule,
        WechatModule,
        AuthModule,
      ],
    };
  }
}
