import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * WeChat Pay signs bytes, not JSON values: a notification (or, in the simulator, a request) verifies only against
 * the body exactly as received. The app's JSON parser keeps the parsed value only, so for the paths below a
 * `preParsing` hook keeps a copy of the raw body, read back with `rawBodyOf(request)`.
 */
export const RAW_BODY_PATH_PREFIXES = [
  // Notification endpoints of the orders module (POST /api/payments/wechat/notify, …/refund-notify).
  '/api/payments/wechat/',
  // The simulator's WeChat Pay API.
  '/api/dev/wechatpay/v3/',
];

const RAW_BODY_LIMIT_BYTES = 1024 * 1024;
const rawBodies = new WeakMap<FastifyRequest, Buffer>();

export function captureRawBodies(fastify: FastifyInstance, prefixes: readonly string[] = RAW_BODY_PATH_PREFIXES): void {
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    if (request.method !== 'POST' && request.method !== 'PUT') return payload;
    const path = request.url.split('?', 1)[0] ?? '';
    if (!prefixes.some((prefix) => path.startsWith(prefix))) return payload;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += bytes.length;
      if (size > RAW_BODY_LIMIT_BYTES) {
        throw Object.assign(new Error('body too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
      }
      chunks.push(bytes);
    }
    const raw = Buffer.concat(chunks);
    rawBodies.set(request, raw);
    return Object.assign(Readable.from([raw]), { receivedEncodedLength: raw.length });
  });
}

/** The body as received, for requests under the prefixes above; undefined elsewhere (or without a body). */
export function rawBodyOf(request: FastifyRequest): Buffer | undefined {
  return rawBodies.get(request);
}
