import type { Clock } from '../../../common/clock/clock.service';
import type { WechatPayCredentials } from './wechatpay-credentials';
import {
  AEAD_AES_256_GCM,
  decryptResource,
  MAX_CLOCK_SKEW_MS,
  normalizeSerial,
  parseRfc3339,
  responseMessage,
  SIGNTEST_PREFIX,
  verifySha256Rsa,
} from './wechatpay-crypto';
import { parseRefund, parseTransaction } from './wechatpay-resources';
import type { WechatPayOrder, WechatPayRefund } from './wechatpay.gateway';

interface NotificationBase {
  /** WeChat's notification id; the same across retries of one notification. */
  id: string;
  /** `TRANSACTION.SUCCESS`, `REFUND.SUCCESS`, `REFUND.ABNORMAL`, `REFUND.CLOSED`. */
  eventType: string;
  createTime?: Date;
  summary?: string;
}

/** A verified, decrypted notification. appid and mchid have been checked against ours; amounts have not. */
export type WechatPayNotification =
  | (NotificationBase & { kind: 'transaction'; transaction: WechatPayOrder })
  | (NotificationBase & { kind: 'refund'; refund: WechatPayRefund });

export const NOTIFICATION_REJECTION_REASONS = [
  'MISSING_HEADERS',
  'SIGNATURE_PROBE',
  'STALE_TIMESTAMP',
  'UNKNOWN_SERIAL',
  'BAD_SIGNATURE',
  'MALFORMED_BODY',
  'UNSUPPORTED_ALGORITHM',
  'DECRYPTION_FAILED',
  'UNSUPPORTED_EVENT',
  'MALFORMED_RESOURCE',
  'MERCHANT_MISMATCH',
] as const;
export type NotificationRejectionReason = (typeof NOTIFICATION_REJECTION_REASONS)[number];

export interface NotificationRejection {
  ok: false;
  reason: NotificationRejectionReason;
  /** For the log; names no secret and quotes no body. */
  detail: string;
}

export type NotificationVerification = { ok: true; notification: WechatPayNotification } | NotificationRejection;

export interface IncomingNotification {
  /** Header names in any case (Node lowercases them). */
  headers: Record<string, string | string[] | undefined>;
  /** The raw body exactly as received: the signature covers these bytes, not a re-serialisation. */
  body: string | Buffer;
}

/** Non-2xx status to answer a rejected notification with (WeChat only tells 2xx from the rest, and retries). */
export function rejectionStatus(reason: NotificationRejectionReason): 400 | 401 {
  switch (reason) {
    case 'MISSING_HEADERS':
    case 'SIGNATURE_PROBE':
    case 'STALE_TIMESTAMP':
    case 'UNKNOWN_SERIAL':
    case 'BAD_SIGNATURE':
      return 401;
    case 'MALFORMED_BODY':
    case 'UNSUPPORTED_ALGORITHM':
    case 'DECRYPTION_FAILED':
    case 'UNSUPPORTED_EVENT':
    case 'MALFORMED_RESOURCE':
    case 'MERCHANT_MISMATCH':
      return 400;
  }
}

/** The body WeChat expects with a non-2xx answer to a notification. */
export const NOTIFICATION_FAILURE_BODY = { code: 'FAIL', message: '失败' } as const;

const header = (headers: IncomingNotification['headers'], name: string): string | undefined => {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
};

const reject = (reason: NotificationRejectionReason, detail: string): NotificationRejection => ({
  ok: false,
  reason,
  detail,
});

/**
 * Checks a WeChat Pay notification (payment or refund) and decrypts its resource. Pure: no database, no log, no
 * HTTP answer; the caller (the orders module) applies the effect and answers 2xx only once it is durable.
 * Order of checks: headers, SIGNTEST probe, timestamp within 5 minutes of our clock, the key named by
 * `Wechatpay-Serial` (platform certificate serial or `PUB_KEY_ID_…`), the signature over `timestamp\nnonce\nbody\n`,
 * then the JSON, AEAD_AES_256_GCM decryption with the APIv3 key, the resource's shape, and our appid/mchid.
 */
export class WechatPayNotificationVerifier {
  constructor(
    private readonly credentials: WechatPayCredentials,
    private readonly clock: Clock,
  ) {}

  verify({ headers, body }: IncomingNotification): NotificationVerification {
    const timestamp = header(headers, 'wechatpay-timestamp');
    const nonce = header(headers, 'wechatpay-nonce');
    const signature = header(headers, 'wechatpay-signature');
    const serial = header(headers, 'wechatpay-serial');
    if (!timestamp || !nonce || !signature || !serial) {
      return reject('MISSING_HEADERS', 'Wechatpay-Timestamp, -Nonce, -Signature and -Serial are required');
    }
    if (signature.startsWith(SIGNTEST_PREFIX)) return reject('SIGNATURE_PROBE', 'WECHATPAY/SIGNTEST/ probe');
    if (!/^\d{1,12}$/.test(timestamp)) return reject('STALE_TIMESTAMP', 'timestamp is not a number of seconds');
    const skewMs = this.clock.now().getTime() - Number(timestamp) * 1000;
    if (Math.abs(skewMs) > MAX_CLOCK_SKEW_MS) {
      return reject('STALE_TIMESTAMP', `timestamp ${Math.round(skewMs / 1000)} s away from our clock`);
    }
    const key = this.credentials.verificationKeys.get(normalizeSerial(serial));
    if (!key) return reject('UNKNOWN_SERIAL', `no key for serial ${serial.slice(0, 64)}`);
    if (!verifySha256Rsa(responseMessage(timestamp, nonce, body), signature, key)) {
      return reject('BAD_SIGNATURE', `signature does not verify with ${serial.slice(0, 64)}`);
    }

    let envelope: Envelope;
    try {
      envelope = parseEnvelope(JSON.parse(typeof body === 'string' ? body : body.toString('utf8')));
    } catch (error) {
      return reject('MALFORMED_BODY', (error as Error).message);
    }
    const { resource } = envelope;
    if (resource.algorithm !== AEAD_AES_256_GCM) {
      return reject('UNSUPPORTED_ALGORITHM', `algorithm ${resource.algorithm.slice(0, 32)}`);
    }
    let plaintext: string;
    try {
      plaintext = decryptResource(
        resource.ciphertext,
        this.credentials.apiV3Key,
        resource.nonce,
        resource.associatedData,
      );
    } catch {
      return reject('DECRYPTION_FAILED', 'the GCM tag does not authenticate (tampered, or another APIv3 key)');
    }
    let decrypted: unknown;
    try {
      decrypted = JSON.parse(plaintext);
    } catch {
      return reject('MALFORMED_RESOURCE', 'decrypted resource is not JSON');
    }

    const base: NotificationBase = { id: envelope.id, eventType: envelope.eventType };
    const createTime = parseRfc3339(envelope.createTime);
    if (createTime) base.createTime = createTime;
    if (envelope.summary) base.summary = envelope.summary;
    const kind = resource.originalType || envelope.eventType.split('.')[0]?.toLowerCase();
    switch (kind) {
      case 'transaction': {
        const transaction = parseTransaction(decrypted);
        if (!transaction) return reject('MALFORMED_RESOURCE', 'not a transaction');
        if (transaction.mchId !== this.credentials.mchId || transaction.appId !== this.credentials.appId) {
          return reject('MERCHANT_MISMATCH', 'appid or mchid is not ours');
        }
        return { ok: true, notification: { ...base, kind: 'transaction', transaction } };
      }
      case 'refund': {
        const parsed = parseRefund(decrypted);
        if (!parsed) return reject('MALFORMED_RESOURCE', 'not a refund');
        const { mchId, ...refund } = parsed;
        if (mchId !== this.credentials.mchId) return reject('MERCHANT_MISMATCH', 'mchid is not ours');
        return { ok: true, notification: { ...base, kind: 'refund', refund } };
      }
      default:
        return reject('UNSUPPORTED_EVENT', `event ${envelope.eventType.slice(0, 64)}`);
    }
  }
}

interface Envelope {
  id: string;
  eventType: string;
  createTime?: string;
  summary?: string;
  resource: { algorithm: string; ciphertext: string; nonce: string; associatedData: string; originalType?: string };
}

/** Throws with a short reason unless the body has WeChat's notification shape. */
function parseEnvelope(json: unknown): Envelope {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (!isObject(json)) throw new Error('body is not a JSON object');
  const { id, event_type, create_time, summary, resource } = json;
  if (typeof id !== 'string' || !id) throw new Error('id missing');
  if (typeof event_type !== 'string' || !event_type) throw new Error('event_type missing');
  if (!isObject(resource)) throw new Error('resource missing');
  const { algorithm, ciphertext, nonce, associated_data, original_type } = resource;
  if (typeof algorithm !== 'string' || typeof ciphertext !== 'string' || typeof nonce !== 'string') {
    throw new Error('resource needs algorithm, ciphertext and nonce');
  }
  return {
    id,
    eventType: event_type,
    ...(typeof create_time === 'string' ? { createTime: create_time } : {}),
    ...(typeof summary === 'string' ? { summary } : {}),
    resource: {
      algorithm,
      ciphertext,
      nonce,
      associatedData: typeof associated_data === 'string' ? associated_data : '',
      ...(typeof original_type === 'string' ? { originalType: original_type } : {}),
    },
  };
}
