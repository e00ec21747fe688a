import { Module } from '@nestjs/common';
import { getRepositoryToken, TypeOrmModule } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { DevWechatGateway } from './dev-wechat.gateway';
import { HttpWechatGateway } from './http-wechat.gateway';
import { SubscribeTemplatesController } from './subscribe-templates.controller';
import { WechatAccessTokenCache } from './wechat-access-token.cache';
import { WechatAccessToken } from './wechat-access-token.entity';
import { WechatGateway } from './wechat.gateway';

/**
 * Provides the WechatGateway chosen by WECHAT_GATEWAY (dev by default): login, phone number, mini program codes
 * and subscribe messages (their template ids: GET /api/wechat/subscribe-templates). The dev-only routes (what the
 * dev gateway "sent") live in WechatDevModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WechatAccessToken])],
  controllers: [SubscribeTemplatesController],
  providers: [
    {
      provide: WechatGateway,
      inject: [APP_CONFIG, getRepositoryToken(WechatAccessToken), Clock],
      useFactory: (config: AppConfig, repo: Repository<WechatAccessToken>, clock: Clock): WechatGateway => {
        const wechat = config.wechat;
        switch (wechat.gateway) {
          case 'dev':
            return new DevWechatGateway(clock);
          case 'http':
            return new HttpWechatGateway(
              wechat,
              (fetchToken) => new WechatAccessTokenCache(repo, clock, wechat.appId, fetchToken),
            );
        }
      },
    },
  ],
  exports: [WechatGateway],
})
export class WechatModule {}
