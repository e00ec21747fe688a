import type { WechatPayCredentials } from './wechatpay-credentials';
import {
  authorizationHeader,
  MAX_CLOCK_SKEW_MS,
  nonceStr,
  normalizeSerial,
  requestMessage,
  responseMessage,
  signSha256Rsa,
  SIGNTEST_PREFIX,
  unixSeconds,
  verifySha256Rsa,
} from './wechatpay-crypto';

/**
 * The two halves of every WeChat Pay v3 call, shared by the payment and the transfer clients: the request signed
 * with the merchant key (`Authorization: WECHATPAY2-SHA256-RSA2048 …`), and the answer's signature checked
 * against WeChat's keys. An answer that does not verify is never trusted, whatever its status.
 */
export function signedRequestHeaders(
  credentials: WechatPayCredentials,
  now: Date,
  method: 'GET' | 'POST',
  path: string,
  payload: string,
  userAgent: string,
): Record<string, string> {
  const timestamp = unixSeconds(now);
  const nonce = nonceStr();
  const signature = signSha256Rsa(
    requestMessage(method, path, timestamp, nonce, payload),
    credentials.merchantPrivateKey,
  );
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': userAgent,
    'wechatpay-serial': credentials.preferredSerial,
    authorization: authorizationHeader({
      mchid: credentials.mchId,
      nonce_str: nonce,
      signature,
      timestamp,
      serial_no: credentials.merchantSerial,
    }),
  };
  if (payload !== '') headers['content-type'] = 'application/json';
  return headers;
}

/** `true` when WeChat signed this answer (fresh, by a key we trust); otherwise why not. */
export function verifyAnswer(
  credentials: WechatPayCredentials,
  now: Date,
  headers: Headers,
  body: Buffer,
): true | string {
  const timestamp = headers.get('wechatpay-timestamp');
  const nonce = headers.get('wechatpay-nonce');
  const signature = headers.get('wechatpay-signature');
  const serial = headers.get('wechatpay-serial');
  if (!timestamp || !nonce || !signature || !serial) return 'unsigned';
  if (signature.startsWith(SIGNTEST_PREFIX)) return 'signature probe';
  if (!/^\d{1,12}$/.test(timestamp)) return 'bad timestamp';
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > MAX_CLOCK_SKEW_MS) return 'stale timestamp';
  const key = credentials.verificationKeys.get(normalizeSerial(serial));
  if (!key) return `unknown serial ${serial}`;
  return verifySha256Rsa(responseMessage(timestamp, nonce, body), signature, key) ? true : 'bad signature';
}
