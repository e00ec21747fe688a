import { randomUUID } from 'node:crypto';
import { fen } from '@tidepool/shared';
import {
  MAX_CLOCK_SKEW_MS,
  normalizeSerial,
  parseAuthorization,
  parseRfc3339,
  requestMessage,
  verifySha256Rsa,
} from '../wechatpay-crypto';
import { refundJson, transactionJson } from './simulator-resources';
import type { WechatPaySimulator } from './wechatpay-simulator';

/** One HTTP request as WeChat Pay sees it; `url` is the path and query from `/v3/` on (what the merchant signed). */
export interface SimRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A business refusal, answered on the wire as WeChat's `{ code, message }` with this HTTP status. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type SimApiName = 'jsapi' | 'query' | 'close' | 'refund' | 'query-refund';

export interface InjectedFailure {
  status: number;
  code: string;
  message?: string;
  /** Answer without WeChat's signature headers. */
  unsigned?: boolean;
}

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  json?: Json;
}
type Handler = (sim: WechatPaySimulator, params: string[], body: Json, query: URLSearchParams) => Answer;

const OUT_TRADE_NO = /^[0-9A-Za-z_\-*]{6,32}$/;
const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;

const ROUTES: { method: string; pattern: RegExp; api: SimApiName; handler: Handler }[] = [
  { method: 'POST', pattern: /^\/v3\/pay\/transactions\/jsapi$/, api: 'jsapi', handler: jsapi },
  {
    method: 'GET',
    pattern: /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/,
    api: 'query',
    handler: (sim, [no = ''], _body, query) => {
      if (query.get('mchid') !== sim.config.mchId) throw paramError('mchid 与商户号不一致');
      return { status: 200, json: transactionJson(sim.orderOrThrow(no)) };
    },
  },
  {
    method: 'POST',
    pattern: /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/,
    api: 'close',
    handler: (sim, [no = ''], body) => {
      if (body.mchid !== sim.config.mchId) throw paramError('mchid 与商户号不一致');
      sim.closeOrder(no);
      return { status: 204 };
    },
  },
  { method: 'POST', pattern: /^\/v3\/refund\/domestic\/refunds$/, api: 'refund', handler: refund },
  {
    method: 'GET',
    pattern: /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/,
    api: 'query-refund',
    handler: (sim, [no = '']) => ({ status: 200, json: refundJson(sim.refundOrThrow(no)) }),
  },
];

/**
 * WeChat Pay APIv3 as the simulator speaks it: checks the merchant's `Authorization` signature (401 SIGN_ERROR,
 * unsigned, as WeChat), dispatches, and signs every other answer with the key the request's `Wechatpay-Serial`
 * named (public key or platform certificate). Errors are `{ code, message }` with WeChat's HTTP statuses.
 */
export function handleSimulatorRequest(sim: WechatPaySimulator, request: SimRequest): SimResponse {
  const [path = '', search = ''] = request.url.split('?', 2);
  const route = ROUTES.find((r) => r.method === request.method && r.pattern.test(path));
  if (!route) return respond(sim, request, { status: 404, json: { code: 'NOT_FOUND', message: '请求的资源不存在' } });

  const refusal = authenticate(sim, request);
  if (refusal) return unsigned(401, 'SIGN_ERROR', refusal);

  const injected = sim.injected.get(route.api)?.shift();
  if (injected) {
    const json = { code: injected.code, message: injected.message ?? '模拟的错误' };
    return injected.unsigned
      ? unsigned(injected.status, injected.code, json.message)
      : respond(sim, request, { status: injected.status, json });
  }

  let body: Json = {};
  if (request.body) {
    try {
      const parsed: unknown = JSON.parse(request.body);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Json;
    } catch {
      return respond(sim, request, { status: 400, json: { code: 'PARAM_ERROR', message: '请求体不是有效的 JSON' } });
    }
  }
  const params = (route.pattern.exec(path) ?? []).slice(1).map((p) => decodeURIComponent(p));
  try {
    return respond(sim, request, route.handler(sim, params, body, new URLSearchParams(search)));
  } catch (error) {
    if (!(error instanceof SimError)) throw error;
    return respond(sim, request, { status: error.status, json: { code: error.code, message: error.message } });
  }
}

/** Null when the request is signed by the merchant's key; otherwise why not (the SIGN_ERROR message). */
function authenticate(sim: WechatPaySimulator, request: SimRequest): string | null {
  const auth = parseAuthorization(header(request, 'authorization'));
  if (!auth) return 'Authorization 头缺失或格式错误';
  if (auth.mchid !== sim.config.mchId) return '商户号不存在';
  if (normalizeSerial(auth.serial_no) !== sim.keys.merchantSerial) return '商户证书序列号有误';
  if (!/^\d{1,12}$/.test(auth.timestamp)) return '时间戳格式错误';
  if (Math.abs(sim.clock.now().getTime() - Number(auth.timestamp) * 1000) > MAX_CLOCK_SKEW_MS) return '请求已过期';
  const message = requestMessage(request.method, request.url, auth.timestamp, auth.nonce_str, request.body);
  return verifySha256Rsa(message, auth.signature, sim.keys.merchantPublicKey) ? null : '签名错误';
}

function respond(sim: WechatPaySimulator, request: SimRequest, answer: Answer): SimResponse {
  let body = answer.json === undefined ? '' : JSON.stringify(answer.json);
  const signWith = sim.signer.signerFor(header(request, 'wechatpay-serial')) ?? sim.signer.defaultSigner;
  const headers: Record<string, string> = {
    ...sim.signer.signHeaders(body, { signWith }),
    'request-id': randomUUID(),
  };
  if (answer.status === 204) delete headers['content-type'];
  if (sim.tamperNextResponses > 0) {
    sim.tamperNextResponses--;
    if (body) body = `${body} `;
    else headers['wechatpay-nonce'] = `${headers['wechatpay-nonce']}X`;
  }
  return { status: answer.status, headers, body };
}

function unsigned(status: number, code: string, message: string): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'request-id': randomUUID() },
    body: JSON.stringify({ code, message }),
  };
}

function header(request: SimRequest, name: string): string | undefined {
  for (const [key, value] of Object.entries(request.headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

const paramError = (message: string) => new SimError(400, 'PARAM_ERROR', message);

function jsapi(sim: WechatPaySimulator, _params: string[], body: Json): Answer {
  const { appid, mchid, description, out_trade_no, time_expire, attach, notify_url, amount, payer } = body;
  if (appid !== sim.config.appId || mchid !== sim.config.mchId) {
    throw new SimError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
  }
  if (typeof description !== 'string' || [...description].length < 1 || [...description].length > 127) {
    throw paramError('description 长度应为 1-127');
  }
  if (typeof out_trade_no !== 'string' || !OUT_TRADE_NO.test(out_trade_no)) throw paramError('out_trade_no 格式错误');
  const expire = parseRfc3339(time_expire);
  if (!expire || expire <= sim.clock.now()) throw paramError('time_expire 格式错误或早于当前时间');
  if (attach !== undefined && (typeof attach !== 'string' || attach.length > 128)) throw paramError('attach 过长');
  const notifyUrl = notifyUrlOf(notify_url);
  if (!notifyUrl) throw paramError('notify_url 格式错误');
  const total = (amount as Json | undefined)?.total;
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 1)
    throw paramError('amount.total 应为正整数');
  const currency = (amount as Json | undefined)?.currency;
  if (currency !== undefined && currency !== 'CNY') throw paramError('仅支持人民币 CNY');
  const openid = (payer as Json | undefined)?.openid;
  if (typeof openid !== 'string' || !openid) throw paramError('payer.openid 不能为空');
  const order = sim.prepay({
    appId: appid,
    mchId: mchid,
    outTradeNo: out_trade_no,
    description,
    amountFen: fen(total),
    payerOpenid: openid,
    timeExpire: expire,
    notifyUrl,
    ...(typeof attach === 'string' && attach ? { attach } : {}),
    fingerprint: JSON.stringify([description, total, openid, time_expire, notify_url, attach ?? null]),
  });
  return { status: 200, json: { prepay_id: order.prepayId } };
}

function refund(sim: WechatPaySimulator, _params: string[], body: Json): Answer {
  const { out_trade_no, transaction_id, out_refund_no, reason, notify_url, amount } = body;
  const outTradeNo =
    typeof out_trade_no === 'string'
      ? out_trade_no
      : [...sim.orders.values()].find((o) => o.transactionId && o.transactionId === transaction_id)?.outTradeNo;
  if (!outTradeNo) throw new SimError(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
  if (typeof out_refund_no !== 'string' || !OUT_REFUND_NO.test(out_refund_no))
    throw paramError('out_refund_no 格式错误');
  if (reason !== undefined && (typeof reason !== 'string' || [...reason].length > 80)) throw paramError('reason 过长');
  const { refund: refundFen, total, currency } = (amount ?? {}) as Json;
  const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
  if (!isAmount(refundFen) || !isAmount(total)) throw paramError('amount.refund 与 amount.total 应为正整数');
  if (currency !== 'CNY') throw paramError('amount.currency 应为 CNY');
  const notifyUrl = notify_url === undefined ? '' : notifyUrlOf(notify_url);
  if (notifyUrl === null) throw paramError('notify_url 格式错误');
  const created = sim.refund({
    outTradeNo,
    outRefundNo: out_refund_no,
    refundFen: fen(refundFen),
    totalFen: fen(total),
    ...(typeof reason === 'string' && reason ? { reason } : {}),
    notifyUrl,
  });
  return { status: 200, json: refundJson(created) };
}

/** An http(s) URL without a query string (WeChat refuses parameters on notify URLs); null otherwise. */
function notifyUrlOf(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.search === '' ? raw : null;
  } catch {
    return null;
  }
}
