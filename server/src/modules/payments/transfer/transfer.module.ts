import { type DynamicModule, Module } from '@nestjs/common';
import { Clock } from '../../../common/clock/clock.service';
import type { AppConfig } from '../../../config/env';
import { WECHATPAY_CREDENTIALS, type WechatPayCredentials } from '../wechatpay/wechatpay-credentials';
import { DevTransferGateway } from './dev-transfer.gateway';
import { HttpTransferGateway } from './http-transfer.gateway';
import { TransferGateway } from './transfer.gateway';

/**
 * The TransferGateway for withdrawals: `http` signs with the WeChat Pay merchant credentials (exported by the global
 * PaymentsModule) and talks to WeChat Pay; `dev` pays in-process (never in production, see distribution-env.ts).
 */
@Module({})
export class TransferModule {
  static forRoot(config: AppConfig): DynamicModule {
    const transfer = config.distribution.transfer;
    const pay = config.wechatPay;
    if (transfer.gateway === 'http' && pay.gateway === 'http') {
      return {
        module: TransferModule,
        providers: [
          {
            provide: TransferGateway,
            inject: [WECHATPAY_CREDENTIALS, Clock],
            useFactory: (credentials: WechatPayCredentials, clock: Clock) =>
              new HttpTransferGateway({ apiBase: pay.apiBase, credentials, clock, sceneId: transfer.sceneId }),
          },
        ],
        exports: [TransferGateway],
      };
    }
    return {
      module: TransferModule,
      providers: [{ provide: TransferGateway, useValue: new DevTransferGateway() }],
      exports: [TransferGateway],
    };
  }
}
