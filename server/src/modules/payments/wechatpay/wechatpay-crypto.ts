import { createCipheriv, createDecipheriv, type KeyObject, randomInt, sign, verify } from 'node:crypto';

/**
 * The WeChat Pay APIv3 wire cryptography, as pure functions: SHA256-with-RSA signatures over newline-terminated
 * messages (requests, responses, notifications, requestPayment) and AEAD_AES_256_GCM resources. Used by the
 * client, the notification verifier and the local simulator alike, so the simulator proves the real code.
 */
export const SIGNATURE_SCHEME = 'WECHATPAY2-SHA256-RSA2048';
export const AEAD_AES_256_GCM = 'AEAD_AES_256_GCM';
/** WeChat sends probe traffic signed with this prefix; a merchant must reject it as a bad signature. */
export const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/';
/** Responses and notifications more than this far from our clock are refused (replay window). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const GCM_TAG_BYTES = 16;
const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function nonceStr(length = 32): string {
  let out = '';
  for (let i = 0; i < length; i++) out += NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)];
  return out;
}

export function unixSeconds(date: Date): string {
  return String(Math.floor(date.getTime() / 1000));
}

/** `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n`, URL being the path and query (e.g. `/v3/pay/transactions/jsapi`). */
export function requestMessage(method: string, url: string, timestamp: string, nonce: string, body: string): string {
  return `${method}\n${url}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** `TIMESTAMP\nNONCE\nBODY\n` over the raw bytes of a response or notification body (empty for 204). */
export function responseMessage(timestamp: string, nonce: string, body: string | Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'),
    typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    Buffer.from('\n', 'utf8'),
  ]);
}

/** `appId\ntimeStamp\nnonceStr\npackage\n`, signed for `wx.requestPayment` (signType RSA). */
export function paymentMessage(appId: string, timeStamp: string, nonce: string, pkg: string): string {
  return `${appId}\n${timeStamp}\n${nonce}\n${pkg}\n`;
}

export function signSha256Rsa(message: string | Buffer, privateKey: KeyObject): string {
  return sign('sha256', typeof message === 'string' ? Buffer.from(message, 'utf8') : message, privateKey).toString(
    'base64',
  );
}

/** False (never a throw) for a malformed signature or a key of the wrong kind. */
export function verifySha256Rsa(message: string | Buffer, signatureBase64: string, publicKey: KeyObject): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureBase64)) return false;
  try {
    return verify(
      'sha256',
      typeof message === 'string' ? Buffer.from(message, 'utf8') : message,
      publicKey,
      Buffer.from(signatureBase64, 'base64'),
    );
  } catch {
    return false;
  }
}

export interface AuthorizationFields {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

export function authorizationHeader(fields: AuthorizationFields): string {
  const { mchid, nonce_str, signature, timestamp, serial_no } = fields;
  return `${SIGNATURE_SCHEME} mchid="${mchid}",nonce_str="${nonce_str}",signature="${signature}",timestamp="${timestamp}",serial_no="${serial_no}"`;
}

/** Reads an `Authorization: WECHATPAY2-SHA256-RSA2048 k="v",…` header; null unless every field is there. */
export function parseAuthorization(header: string | undefined): AuthorizationFields | null {
  if (!header?.startsWith(`${SIGNATURE_SCHEME} `)) return null;
  const fields = new Map<string, string>();
  for (const match of header.slice(SIGNATURE_SCHEME.length + 1).matchAll(/(\w+)="([^"]*)"/g)) {
    fields.set(match[1], match[2]);
  }
  const get = (name: keyof AuthorizationFields) => fields.get(name);
  const [mchid, nonce_str, signature, timestamp, serial_no] = [
    get('mchid'),
    get('nonce_str'),
    get('signature'),
    get('timestamp'),
    get('serial_no'),
  ];
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return null;
  return { mchid, nonce_str, signature, timestamp, serial_no };
}

/** AES-256-GCM with the APIv3 key; the result is base64 of ciphertext followed by the 16-byte tag. */
export function encryptResource(plaintext: string, apiV3Key: Buffer, nonce: string, associatedData: string): string {
  const cipher = createCipheriv('aes-256-gcm', apiV3Key, Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([data, cipher.getAuthTag()]).toString('base64');
}

/** Throws when the tag does not authenticate (tampered ciphertext, wrong key, nonce or associated data). */
export function decryptResource(ciphertext: string, apiV3Key: Buffer, nonce: string, associatedData: string): string {
  const bytes = Buffer.from(ciphertext, 'base64');
  if (bytes.length <= GCM_TAG_BYTES) throw new Error('ciphertext shorter than the GCM tag');
  const decipher = createDecipheriv('aes-256-gcm', apiV3Key, Buffer.from(nonce, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - GCM_TAG_BYTES));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - GCM_TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** RFC 3339 in Beijing time, as WeChat Pay writes and expects times: `2026-11-25T10:00:00+08:00`. */
export function toRfc3339(date: Date): string {
  const local = new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function parseRfc3339(text: unknown): Date | null {
  if (typeof text !== 'string' || !RFC3339.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Certificate serials are hex (case varies between tools); public key ids are kept as they are. */
export function normalizeSerial(serial: string): string {
  return serial.startsWith('PUB_KEY_ID_') ? serial : serial.toUpperCase();
}
