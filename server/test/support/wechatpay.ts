import * as fs from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { AppConfig, WechatPayHttpConfig, WechatPaySimConfig } from '../../src/config/env';
import { loadConfig } from '../../src/config/env';
import { SIM_KEY_FILES, simulatorKeyDir } from '../../src/modules/payments/wechatpay/sim/simulator-keys';
import { SIMULATOR_ROUTE } from '../../src/modules/payments/wechatpay/sim/wechatpay-sim.controller';
import { WechatPaySimulator } from '../../src/modules/payments/wechatpay/sim/wechatpay-simulator';
import type { TestApp } from './test-app';

/** Retry delays short enough for a test, in WeChat's shape (growing). */
export const FAST_RETRIES = [40, 40, 80];

/**
 * Config overrides for the WeChat Pay simulator: fast retries and refunds that stay PROCESSING until a test
 * settles them, unless told otherwise.
 */
export function simWechatPay(overrides: Partial<Omit<WechatPaySimConfig, 'gateway'>> = {}): Partial<AppConfig> {
  const base = loadConfig({ NODE_ENV: 'test' }).wechatPay as WechatPaySimConfig;
  return { wechatPay: { ...base, retryScheduleMs: FAST_RETRIES, refundSettleMs: null, ...overrides } };
}

export const simulatorOf = (t: TestApp): WechatPaySimulator => t.app.get(WechatPaySimulator);

/**
 * Delivers the simulator's notifications into the app in-process (same raw bytes, same headers), so a spec needs
 * no listening socket; `seen` hears each answer's status.
 */
export function notifyInProcess(t: TestApp, seen?: (status: number) => void): void {
  simulatorOf(t).notifier.transport = async (url, { headers, body }) => {
    const res = await t.inject({ method: 'POST', url: new URL(url).pathname, headers, payload: body });
    seen?.(res.statusCode);
    return res.statusCode;
  };
}

/** Starts the app on a free loopback port; the simulator's WeChat Pay API is then at `${url}/api/dev/wechatpay`. */
export async function listen(t: TestApp): Promise<{ url: string; apiBase: string }> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  return { url, apiBase: `${url}${SIMULATOR_ROUTE}` };
}

/**
 * The environment a merchant would set to point the real `http` gateway at the simulator, read from the
 * simulator's key files (so the config parser reads PEM files as it will in production).
 */
export function httpEnvForSimulator(
  t: TestApp,
  apiBase: string,
  verifyWith: { certificate?: boolean; publicKey?: boolean } = { certificate: true, publicKey: true },
): Record<string, string> {
  const dir = simulatorKeyDir(t.config.dataDir);
  const file = (name: string) => path.join(dir, name);
  const sim = simulatorOf(t);
  return {
    NODE_ENV: 'test',
    WECHATPAY_GATEWAY: 'http',
    WECHATPAY_API_BASE: apiBase,
    WECHATPAY_MCHID: sim.config.mchId,
    WECHATPAY_APPID: sim.config.appId,
    WECHATPAY_MERCHANT_SERIAL: sim.keys.merchantSerial,
    WECHATPAY_MERCHANT_PRIVATE_KEY: file(SIM_KEY_FILES.merchantKey),
    WECHATPAY_APIV3_KEY: fs.readFileSync(file(SIM_KEY_FILES.apiV3Key), 'utf8').trim(),
    ...(verifyWith.certificate ? { WECHATPAY_PLATFORM_CERT: file(SIM_KEY_FILES.platformCert) } : {}),
    ...(verifyWith.publicKey
      ? {
          WECHATPAY_PUBLIC_KEY: file(SIM_KEY_FILES.publicKey),
          WECHATPAY_PUBLIC_KEY_ID: fs.readFileSync(file(SIM_KEY_FILES.publicKeyId), 'utf8').trim(),
        }
      : {}),
  };
}

export function httpConfigForSimulator(...args: Parameters<typeof httpEnvForSimulator>): WechatPayHttpConfig {
  return loadConfig(httpEnvForSimulator(...args)).wechatPay as WechatPayHttpConfig;
}

export interface ReceivedNotification {
  headers: Record<string, string>;
  body: string;
  at: number;
}

/**
 * A merchant's notify endpoint on a real socket: records what arrives and answers the queued statuses in turn
 * (204 once the queue is empty).
 */
export class NotifyReceiver {
  readonly received: ReceivedNotification[] = [];
  readonly statuses: number[] = [];
  url = '';
  private readonly server = createServer((req, res) => void this.handle(req, res));

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/payments/wechat/notify`;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    this.received.length = 0;
    this.statuses.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
    this.received.push({ headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
    const status = this.statuses.shift() ?? 204;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(status >= 200 && status < 300 ? '' : JSON.stringify({ code: 'FAIL', message: '失败' }));
  }
}

let counter = 0;
/** A fresh out_trade_no (6–32 characters) per call. */
export function outTradeNo(prefix = 'T'): string {
  counter += 1;
  return `${prefix}${Date.now()}${process.pid % 1000}${counter}`.slice(0, 32);
}
