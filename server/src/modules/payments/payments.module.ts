import { X509Certificate } from 'node:crypto';
import {
  type DynamicModule,
  Logger,
  Module,
  type OnModuleDestroy,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { Clock } from '../../common/clock/clock.service';
import type { AppConfig } from '../../config/env';
import { HttpWechatPayGateway } from './wechatpay/http-wechatpay.gateway';
import { assertKeyPairs, loadOrCreateSimulatorKeys } from './wechatpay/sim/simulator-keys';
import { SIMULATOR_ROUTE, WechatPaySimController } from './wechatpay/sim/wechatpay-sim.controller';
import { WechatPaySimulator } from './wechatpay/sim/wechatpay-simulator';
import {
  credentialsFromConfig,
  WECHATPAY_CREDENTIALS,
  type WechatPayCredentials,
} from './wechatpay/wechatpay-credentials';
import { WechatPayNotificationVerifier } from './wechatpay/wechatpay-notification.verifier';
import { captureRawBodies } from './wechatpay/wechatpay-raw-body';
import { WechatPayGateway } from './wechatpay/wechatpay.gateway';

const CERTIFICATE_WARNING_MS = 30 * 24 * 3_600_000;

/**
 * WeChat Pay v3 infrastructure (global): the WechatPayGateway, the WechatPayNotificationVerifier and, with
 * WECHATPAY_GATEWAY=sim, the local WechatPaySimulator and its routes under /api/dev/wechatpay. In both modes
 * the gateway is the real HTTP client with real signatures; in `sim` its requests go in-process to the simulator.
 * The orders module owns the notification endpoints (POST /api/payments/wechat/notify, …/refund-notify), whose
 * raw bodies this module keeps for verification (see wechatpay-raw-body.ts).
 */
@Module({})
export class PaymentsModule implements OnModuleInit, OnModuleDestroy {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    const pay = config.wechatPay;
    const common: Provider[] = [
      {
        provide: WechatPayNotificationVerifier,
        inject: [WECHATPAY_CREDENTIALS, Clock],
        useFactory: (credentials: WechatPayCredentials, clock: Clock) =>
          new WechatPayNotificationVerifier(credentials, clock),
      },
    ];
    const exports = [WechatPayGateway, WechatPayNotificationVerifier, WECHATPAY_CREDENTIALS];

    if (pay.gateway === 'http') {
      return {
        module: PaymentsModule,
        global: true,
        providers: [
          ...common,
          {
            provide: WECHATPAY_CREDENTIALS,
            inject: [Clock],
            useFactory: (clock: Clock) => {
              warnAboutCertificates(pay.platformCertificatePems, clock.now());
              return credentialsFromConfig(pay);
            },
          },
          {
            provide: WechatPayGateway,
            inject: [WECHATPAY_CREDENTIALS, Clock],
            useFactory: (credentials: WechatPayCredentials, clock: Clock) =>
              new HttpWechatPayGateway({ apiBase: pay.apiBase, credentials, clock }),
          },
        ],
        exports,
      };
    }

    return {
      module: PaymentsModule,
      global: true,
      controllers: [WechatPaySimController],
      providers: [
        ...common,
        {
          provide: WechatPaySimulator,
          inject: [Clock],
          useFactory: async (clock: Clock) => {
            const keys = await loadOrCreateSimulatorKeys(config.dataDir);
            assertKeyPairs(keys);
            return new WechatPaySimulator(keys, pay, clock);
          },
        },
        {
          provide: WECHATPAY_CREDENTIALS,
          inject: [WechatPaySimulator],
          useFactory: (simulator: WechatPaySimulator) => simulator.merchantCredentials(),
        },
        {
          provide: WechatPayGateway,
          inject: [WECHATPAY_CREDENTIALS, Clock, WechatPaySimulator],
          useFactory: (credentials: WechatPayCredentials, clock: Clock, simulator: WechatPaySimulator) =>
            new HttpWechatPayGateway({
              apiBase: `${pay.notifyBase}${SIMULATOR_ROUTE}`,
              credentials,
              clock,
              fetch: simulator.fetch,
            }),
        },
      ],
      exports: [...exports, WechatPaySimulator],
    };
  }

  onModuleInit(): void {
    captureRawBodies(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }

  onModuleDestroy(): void {
    let simulator: WechatPaySimulator;
    try {
      simulator = this.moduleRef.get(WechatPaySimulator, { strict: false });
    } catch {
      return; // http mode: no simulator
    }
    simulator.shutdown();
  }
}

function warnAboutCertificates(pems: readonly string[], now: Date): void {
  const logger = new Logger('WechatPay');
  for (const pem of pems) {
    const cert = new X509Certificate(pem);
    const left = new Date(cert.validTo).getTime() - now.getTime();
    if (left < CERTIFICATE_WARNING_MS) {
      logger.warn({
        msg: left < 0 ? 'WeChat Pay platform certificate expired' : 'WeChat Pay platform certificate expires soon',
        serial: cert.serialNumber,
        validTo: cert.validTo,
      });
    }
  }
}
