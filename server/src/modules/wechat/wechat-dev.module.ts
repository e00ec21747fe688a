import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../../config/env';
import { WechatDevController } from './dev-wechat.controller';
import { WechatModule } from './wechat.module';

/**
 * The development-only WeChat routes (GET /api/dev/wechat/subscribe-messages). Like the WeChat Pay simulator's
 * routes they are not registered at all in production, nor when WECHAT_GATEWAY=http (nothing is recorded then).
 */
@Module({})
export class WechatDevModule {
  static forRoot(config: Pick<AppConfig, 'nodeEnv' | 'wechat'>): DynamicModule {
    const enabled = config.nodeEnv !== 'production' && config.wechat.gateway === 'dev';
    return { module: WechatDevModule, imports: [WechatModule], controllers: enabled ? [WechatDevController] : [] };
  }
}
