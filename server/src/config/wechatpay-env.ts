import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import { type Env, httpUrl, oneOf, type Reader } from './env-parsers';

/**
 * WeChat Pay v3. `sim` (the default outside production) pays against the local simulator, which makes its own keys
 * under DATA_DIR/wechatpay-sim/ and is refused in production; `http` talks to WeChat Pay with the merchant's
 * credentials (required in production). Key material is held as PEM text, read and parsed once here.
 */
export type WechatPayConfig = WechatPaySimConfig | WechatPayHttpConfig;

interface WechatPayCommonConfig {
  mchId: string;
  /** The mini program's appid, which WeChat Pay checks against the merchant and puts in requestPayment. */
  appId: string;
  /** Origin (plus optional path) WeChat Pay posts notifications to; orders build their notify URLs on it. */
  notifyBase: string;
}

export interface WechatPaySimConfig extends WechatPayCommonConfig {
  gateway: 'sim';
  /** Delays between notification attempts after the first (which goes at once); WeChat's schedule by default. */
  retryScheduleMs: number[];
  /** How long a refund stays PROCESSING before the simulator settles it; null = only when a test settles it. */
  refundSettleMs: number | null;
}

export interface WechatPayHttpConfig extends WechatPayCommonConfig {
  gateway: 'http';
  apiBase: string;
  /** Serial number of the merchant API certificate (names the key requests are signed with). */
  merchantSerial: string;
  merchantPrivateKeyPem: string;
  /** Decrypts notification resources (AEAD_AES_256_GCM); exactly 32 bytes. */
  apiV3Key: string;
  /** WeChat Pay platform certificates (several while WeChat rotates them); each selected by its serial. */
  platformCertificatePems: string[];
  /** The WeChat Pay public key and its id (`PUB_KEY_ID_…`); configured beside certificates during the migration. */
  publicKey: { id: string; pem: string } | null;
}

/** WeChat Pay's notification retry pattern: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h (about 24 h). */
export const WECHATPAY_RETRY_SCHEDULE = '15s,15s,30s,3m,10m,20m,30m,30m,30m,60m,3h,3h,3h,6h,6h';
export const WECHATPAY_SIM_MCHID = '1900000109';
export const WECHATPAY_SIM_APPID = 'wx0000000000000000';

export function readWechatPay(
  env: Env,
  read: Reader,
  problems: string[],
  context: { nodeEnv: 'development' | 'production' | 'test'; port: number; wechatAppId: string },
): WechatPayConfig {
  const production = context.nodeEnv === 'production';
  const gateway = read('WECHATPAY_GATEWAY', oneOf(['sim', 'http'] as const), production ? 'http' : 'sim');
  if (production && gateway === 'sim') {
    problems.push('WECHATPAY_GATEWAY=sim is not allowed when NODE_ENV=production (the simulator pays for free)');
  }
  const notifyBase = read('WECHATPAY_NOTIFY_BASE', httpUrl, production ? '' : `http://127.0.0.1:${context.port}`);
  if (production && !env.WECHATPAY_NOTIFY_BASE?.trim()) {
    problems.push('WECHATPAY_NOTIFY_BASE is required when NODE_ENV=production (the public https origin)');
  } else if (production && notifyBase && !notifyBase.startsWith('https://')) {
    problems.push(
      'WECHATPAY_NOTIFY_BASE must be an https URL when NODE_ENV=production (WeChat Pay posts only to https)',
    );
  }
  const mchId = read('WECHATPAY_MCHID', matching(/^\d{6,32}$/, 'digits, e.g. 1900000109'), '');
  const appId = read('WECHATPAY_APPID', matching(/^wx[0-9A-Za-z]{6,30}$/, 'an appid such as wx…'), '');

  if (gateway === 'sim') {
    return {
      gateway,
      mchId: mchId || WECHATPAY_SIM_MCHID,
      appId: appId || context.wechatAppId || WECHATPAY_SIM_APPID,
      notifyBase,
      retryScheduleMs: read('WECHATPAY_SIM_RETRY_SCHEDULE', durations, parseDurations(WECHATPAY_RETRY_SCHEDULE)),
      refundSettleMs: read('WECHATPAY_SIM_REFUND_SETTLE', (raw) => (raw === 'manual' ? null : duration(raw)), 2000),
    };
  }

  const apiBase = read('WECHATPAY_API_BASE', httpUrl, 'https://api.mch.weixin.qq.com');
  const merchantSerial = read('WECHATPAY_MERCHANT_SERIAL', serialNumber, '');
  const merchantPrivateKeyPem = read('WECHATPAY_MERCHANT_PRIVATE_KEY', pemOrFile(rsaPrivateKey), '', true);
  const apiV3Key = read('WECHATPAY_APIV3_KEY', apiV3, '', true);
  const platformCertificatePems = read('WECHATPAY_PLATFORM_CERT', pemOrFile(certificates), []);
  const publicKeyPem = read('WECHATPAY_PUBLIC_KEY', pemOrFile(rsaPublicKey), '');
  const publicKeyId = read('WECHATPAY_PUBLIC_KEY_ID', matching(/^PUB_KEY_ID_[0-9A-Za-z]+$/, 'PUB_KEY_ID_…'), '');
  const required: [string, unknown][] = [
    ['WECHATPAY_MCHID', mchId || env.WECHATPAY_MCHID?.trim()],
    ['WECHATPAY_APPID', appId || env.WECHATPAY_APPID?.trim()],
    ['WECHATPAY_MERCHANT_SERIAL', merchantSerial || env.WECHATPAY_MERCHANT_SERIAL?.trim()],
    ['WECHATPAY_MERCHANT_PRIVATE_KEY', merchantPrivateKeyPem || env.WECHATPAY_MERCHANT_PRIVATE_KEY?.trim()],
    ['WECHATPAY_APIV3_KEY', apiV3Key || env.WECHATPAY_APIV3_KEY?.trim()],
  ];
  for (const [name, value] of required) {
    if (!value) problems.push(`${name} is required when WECHATPAY_GATEWAY=http`);
  }
  const hasPublicKey = Boolean(env.WECHATPAY_PUBLIC_KEY?.trim());
  const hasPublicKeyId = Boolean(env.WECHATPAY_PUBLIC_KEY_ID?.trim());
  if (hasPublicKey !== hasPublicKeyId) {
    problems.push('WECHATPAY_PUBLIC_KEY and WECHATPAY_PUBLIC_KEY_ID go together (set both or neither)');
  }
  if (!env.WECHATPAY_PLATFORM_CERT?.trim() && !hasPublicKey) {
    problems.push(
      'WECHATPAY_PLATFORM_CERT or WECHATPAY_PUBLIC_KEY (with WECHATPAY_PUBLIC_KEY_ID) is required when WECHATPAY_GATEWAY=http, to verify WeChat Pay',
    );
  }
  return {
    gateway,
    apiBase,
    mchId,
    appId,
    notifyBase,
    merchantSerial,
    merchantPrivateKeyPem,
    apiV3Key,
    platformCertificatePems,
    publicKey: publicKeyPem && publicKeyId ? { id: publicKeyId, pem: publicKeyPem } : null,
  };
}

function matching(pattern: RegExp, hint: string) {
  return (raw: string): string => {
    if (!pattern.test(raw)) throw new Error(`must be ${hint}`);
    return raw;
  };
}

function serialNumber(raw: string): string {
  if (!/^[0-9A-Fa-f]{8,64}$/.test(raw)) throw new Error('must be the hexadecimal serial number of a certificate');
  return raw.toUpperCase();
}

function apiV3(raw: string): string {
  if (Buffer.byteLength(raw, 'utf8') !== 32) throw new Error('must be exactly 32 bytes');
  return raw;
}

/** PEM text (with real or `\n`-escaped line breaks), or the path of a PEM file; checked by `check`. */
function pemOrFile<T>(check: (pem: string) => T) {
  return (raw: string): T => {
    let pem: string;
    if (raw.includes('-----BEGIN')) {
      pem = raw.replace(/\\n/g, '\n');
    } else {
      try {
        pem = fs.readFileSync(raw, 'utf8');
      } catch {
        throw new Error('must be PEM text or the path of a readable PEM file');
      }
    }
    return check(pem);
  };
}

function rsaPrivateKey(pem: string): string {
  let type: string | undefined;
  try {
    type = createPrivateKey(pem).asymmetricKeyType;
  } catch {
    throw new Error('must be a PEM private key (apiclient_key.pem)');
  }
  if (type !== 'rsa') throw new Error('must be an RSA private key');
  return pem;
}

function rsaPublicKey(pem: string): string {
  let type: string | undefined;
  try {
    type = createPublicKey(pem).asymmetricKeyType;
  } catch {
    throw new Error('must be a PEM public key (pub_key.pem)');
  }
  if (type !== 'rsa') throw new Error('must be an RSA public key');
  return pem;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function certificates(pem: string): string[] {
  const found = pem.match(PEM_CERTIFICATE) ?? [];
  if (found.length === 0) throw new Error('must hold at least one PEM certificate');
  for (const cert of found) {
    try {
      new X509Certificate(cert);
    } catch {
      throw new Error('holds a certificate that cannot be parsed');
    }
  }
  return found;
}

const DURATION = /^(\d+)(ms|s|m|h)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

function duration(raw: string): number {
  const match = DURATION.exec(raw.trim());
  if (!match) throw new Error('must be a duration such as 500ms, 15s, 3m or 6h');
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (ms > 7 * 24 * 3_600_000) throw new Error('must be at most 7 days');
  return ms;
}

function parseDurations(raw: string): number[] {
  return raw.split(',').map(duration);
}

function durations(raw: string): number[] {
  const list = parseDurations(raw);
  if (list.length > 50) throw new Error('must list at most 50 delays');
  return list;
}
