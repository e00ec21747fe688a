import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import type { Clock } from '../../../../common/clock/clock.service';
import {
  AEAD_AES_256_GCM,
  encryptResource,
  nonceStr,
  responseMessage,
  SIGNATURE_SCHEME,
  signSha256Rsa,
  SIGNTEST_PREFIX,
  toRfc3339,
  unixSeconds,
} from '../wechatpay-crypto';
import type { SimulatorKeys } from './simulator-keys';
import type { SimNotification } from './simulator-notifier';

/** Which of WeChat's two key kinds signs: the platform certificate's key or the WeChat Pay public key's. */
export type SimSigner = 'certificate' | 'publicKey';

/** Ways to make a notification that a genuine merchant must refuse (each test names the one it needs). */
export interface NotificationForgery {
  signWith?: SimSigner;
  /** Signed by an attacker's key while naming WeChat's serial. */
  forgeSignature?: boolean;
  /** Signature prefixed with WECHATPAY/SIGNTEST/ (WeChat's probe traffic). */
  probe?: boolean;
  /** Name another serial in Wechatpay-Serial. */
  serial?: string;
  /** Sign as of this instant instead of now. */
  timestamp?: Date;
  /** Encrypt with this APIv3 key instead of the merchant's. */
  apiV3Key?: string;
  /** Flip a bit of the GCM tag (the signature is made over the tampered body, so only the tag gives it away). */
  tamperTag?: boolean;
  /** Fields merged over the genuine resource before encryption (a wrong amount, another mchid…). */
  resource?: Record<string, unknown>;
  /** Replaces the whole body (then signed), e.g. malformed JSON. */
  body?: string;
}

export interface CraftedNotification extends SimNotification {
  headers: Record<string, string>;
}

export interface NotificationContent {
  eventType: string;
  summary: string;
  /** `transaction` or `refund`: the resource's original_type and associated_data. */
  originalType: string;
  resource: Record<string, unknown>;
  notifyUrl: string;
  subject: string;
}

/**
 * WeChat's signing side: answers and notifications signed over `timestamp\nnonce\nbody\n` with the platform
 * certificate's key or the WeChat Pay public key's (named in Wechatpay-Serial), resources encrypted with the
 * APIv3 key, and the forgeries tests need.
 */
export class SimulatorSigner {
  /** Signs notifications (and answers whose request named no key of ours). */
  defaultSigner: SimSigner = 'publicKey';
  private readonly apiV3Key: Buffer;
  private attackerKey: KeyObject | null = null;

  constructor(
    private readonly keys: SimulatorKeys,
    private readonly clock: Clock,
  ) {
    this.apiV3Key = Buffer.from(keys.apiV3Key, 'utf8');
  }

  /** WeChat's signature headers for a body, with the chosen key (or a forgery). */
  signHeaders(body: string, forgery: NotificationForgery = {}): Record<string, string> {
    const signer = forgery.signWith ?? this.defaultSigner;
    const timestamp = unixSeconds(forgery.timestamp ?? this.clock.now());
    const nonce = nonceStr();
    const key = forgery.forgeSignature ? this.attacker() : this.privateKeyOf(signer);
    let signature = signSha256Rsa(responseMessage(timestamp, nonce, body), key);
    if (forgery.probe) signature = `${SIGNTEST_PREFIX}${signature}`;
    return {
      'content-type': 'application/json',
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-signature': signature,
      'wechatpay-serial': forgery.serial ?? this.serialOf(signer),
      'wechatpay-signature-type': SIGNATURE_SCHEME,
    };
  }

  /** A notification: the resource encrypted (AEAD_AES_256_GCM, APIv3 key), the envelope signed. */
  craft(content: NotificationContent, forgery: NotificationForgery = {}): CraftedNotification {
    const id = randomUUID();
    const nonce = nonceStr(12);
    const key = forgery.apiV3Key ? Buffer.from(forgery.apiV3Key, 'utf8') : this.apiV3Key;
    const plaintext = JSON.stringify({ ...content.resource, ...forgery.resource });
    let ciphertext = encryptResource(plaintext, key, nonce, content.originalType);
    if (forgery.tamperTag) {
      const bytes = Buffer.from(ciphertext, 'base64');
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
      ciphertext = bytes.toString('base64');
    }
    const body =
      forgery.body ??
      JSON.stringify({
        id,
        create_time: toRfc3339(this.clock.now()),
        resource_type: 'encrypt-resource',
        event_type: content.eventType,
        summary: content.summary,
        resource: {
          original_type: content.originalType,
          algorithm: AEAD_AES_256_GCM,
          ciphertext,
          associated_data: content.originalType,
          nonce,
        },
      });
    return {
      id,
      eventType: content.eventType,
      notifyUrl: content.notifyUrl,
      subject: content.subject,
      body,
      headers: this.signHeaders(body, forgery),
    };
  }

  serialOf(signer: SimSigner): string {
    return signer === 'certificate' ? this.keys.platformSerial : this.keys.publicKeyId;
  }

  /** The signer named by a request's Wechatpay-Serial, if it names one of WeChat's keys. */
  signerFor(serial: string | undefined): SimSigner | null {
    if (serial === this.keys.publicKeyId) return 'publicKey';
    if (serial?.toUpperCase() === this.keys.platformSerial) return 'certificate';
    return null;
  }

  private privateKeyOf(signer: SimSigner): KeyObject {
    return signer === 'certificate' ? this.keys.platformPrivateKey : this.keys.publicKeyPrivateKey;
  }

  private attacker(): KeyObject {
    this.attackerKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    return this.attackerKey;
  }
}
