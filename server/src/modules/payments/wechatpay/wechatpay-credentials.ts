import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import type { WechatPayHttpConfig } from '../../../config/env';
import { normalizeSerial } from './wechatpay-crypto';

/**
 * Everything needed to talk to WeChat Pay, parsed once: our signing key and WeChat's verification keys. Built from
 * the environment (`http`) or from the simulator's generated files (`sim`), so both run the same client code.
 * Holds secrets: never log it or put it in an error.
 */
export interface WechatPayCredentials {
  mchId: string;
  appId: string;
  /** Serial of the merchant API certificate; WeChat picks our public key by it. */
  merchantSerial: string;
  merchantPrivateKey: KeyObject;
  /** 32 bytes; decrypts notification resources. */
  apiV3Key: Buffer;
  /**
   * WeChat's public keys by the serial WeChat names in `Wechatpay-Serial`: platform certificate serials and/or the
   * WeChat Pay public key id (`PUB_KEY_ID_…`). Both kinds at once during WeChat's migration to public keys.
   */
  verificationKeys: ReadonlyMap<string, KeyObject>;
  /**
   * Sent as `Wechatpay-Serial` on requests: in public key mode WeChat signs its answer with the key named here.
   * The public key id when one is configured, else the newest platform certificate.
   */
  preferredSerial: string;
}

export const WECHATPAY_CREDENTIALS = Symbol('WECHATPAY_CREDENTIALS');

export function verificationKeyMap(
  certificatePems: readonly string[],
  publicKey: { id: string; pem: string } | null,
): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const pem of certificatePems) {
    const cert = new X509Certificate(pem);
    keys.set(normalizeSerial(cert.serialNumber), cert.publicKey);
  }
  if (publicKey) keys.set(publicKey.id, createPublicKey(publicKey.pem));
  return keys;
}

/** The serial to ask WeChat to sign with: the public key, else the certificate that expires last. */
export function preferredSerial(certificatePems: readonly string[], publicKeyId: string | null): string {
  if (publicKeyId) return publicKeyId;
  const newest = certificatePems
    .map((pem) => new X509Certificate(pem))
    .sort((a, b) => new Date(b.validTo).getTime() - new Date(a.validTo).getTime())[0];
  if (!newest) throw new Error('WeChat Pay needs a platform certificate or a public key');
  return normalizeSerial(newest.serialNumber);
}

export function credentialsFromConfig(config: WechatPayHttpConfig): WechatPayCredentials {
  return {
    mchId: config.mchId,
    appId: config.appId,
    merchantSerial: normalizeSerial(config.merchantSerial),
    merchantPrivateKey: createPrivateKey(config.merchantPrivateKeyPem),
    apiV3Key: Buffer.from(config.apiV3Key, 'utf8'),
    verificationKeys: verificationKeyMap(config.platformCertificatePems, config.publicKey),
    preferredSerial: preferredSerial(config.platformCertificatePems, config.publicKey?.id ?? null),
  };
}
