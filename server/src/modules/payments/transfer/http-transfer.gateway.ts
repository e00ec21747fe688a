import { Logger } from '@nestjs/common';
import type { Clock } from '../../../common/clock/clock.service';
import { DomainException } from '../../../common/errors/domain.exception';
import type { FetchLike } from '../wechatpay/http-wechatpay.gateway';
import type { WechatPayCredentials } from '../wechatpay/wechatpay-credentials';
import { signedRequestHeaders, verifyAnswer } from '../wechatpay/wechatpay-signed-http';
import {
  OUT_BILL_NO,
  type TransferBill,
  TransferGateway,
  type TransferRequest,
  type TransferState,
} from './transfer.gateway';

export interface HttpTransferOptions {
  /** `https://api.mch.weixin.qq.com`, or a stand-in speaking the same protocol (tests). */
  apiBase: string;
  credentials: WechatPayCredentials;
  clock: Clock;
  /** 转账场景 id agreed with WeChat Pay; 1005 = 佣金报酬. */
  sceneId: string;
  fetch?: FetchLike;
  timeoutMs?: number;
}

const STATES: readonly TransferState[] = [
  'ACCEPTED',
  'PROCESSING',
  'WAIT_USER_CONFIRM',
  'TRANSFERING',
  'SUCCESS',
  'FAIL',
  'CANCELING',
  'CANCELLED',
];
const TRANSIENT = new Set(['SYSTEM_ERROR', 'FREQUENCY_LIMITED', 'RATELIMIT_EXCEEDED', 'BANK_ERROR']);
const USER_AGENT = 'tidepool-server/0.1 (WeChatPay-APIv3 transfer; Node.js)';

interface Reply {
  status: number;
  json: unknown;
  code?: string;
}

/**
 * The real 商家转账 client: POST /v3/fund-app/mch-transfer/transfer-bills and GET …/out-bill-no/{out_bill_no},
 * signed with the merchant key like every APIv3 call, each answer verified with WeChat's key (an unverified
 * success is "unavailable", never a payment). A repeated out_bill_no is answered by WeChat with the existing bill;
 * a refusal of a repeat is resolved by asking for the bill, so a retry never pays twice.
 */
export class HttpTransferGateway extends TransferGateway {
  private readonly logger = new Logger('WechatTransfer');
  private readonly fetch: FetchLike;

  constructor(private readonly options: HttpTransferOptions) {
    super();
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
  }

  async transfer(request: TransferRequest): Promise<TransferBill> {
    if (!OUT_BILL_NO.test(request.outBillNo)) throw this.rejected('out_bill_no must be 5-32 of [0-9A-Za-z]');
    if (!Number.isSafeInteger(request.amountFen) || request.amountFen < 1) throw this.rejected('amount below 1 fen');
    if (!request.openid) throw this.rejected('payee openid missing');
    const body = {
      appid: this.options.credentials.appId,
      out_bill_no: request.outBillNo,
      transfer_scene_id: this.options.sceneId,
      openid: request.openid,
      transfer_amount: request.amountFen,
      transfer_remark: [...request.remark].slice(0, 32).join(''),
      transfer_scene_report_infos: [
        { info_type: '岗位类型', info_content: '推广员' },
        { info_type: '报酬说明', info_content: '推广佣金提现' },
      ],
    };
    const reply = await this.call('POST', '/v3/fund-app/mch-transfer/transfer-bills', body);
    if (reply.status === 200) {
      const bill = parseBill(reply.json, request.amountFen);
      if (!bill || bill.outBillNo !== request.outBillNo) throw this.unavailable('answer is not the bill asked');
      return bill;
    }
    if (reply.status >= 500 || reply.status === 429 || TRANSIENT.has(reply.code ?? ''))
      throw this.unavailable(`HTTP ${reply.status} ${reply.code}`);
    // A refused repeat (or any other refusal): the bill may already exist from an earlier attempt. Only when
    // WeChat says it has no such bill is the refusal final (PAYMENT_REJECTED: nothing was paid).
    const existing = await this.query(request.outBillNo);
    if (existing) return existing;
    throw this.rejected(`refused: ${reply.code ?? reply.status}`);
  }

  async query(outBillNo: string): Promise<TransferBill | null> {
    if (!OUT_BILL_NO.test(outBillNo)) throw this.rejected('out_bill_no must be 5-32 of [0-9A-Za-z]');
    const reply = await this.call('GET', `/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${outBillNo}`);
    if (reply.status === 404 || reply.code === 'NOT_FOUND') return null;
    // Any other answer leaves the bill's fate unknown: "unavailable", so a withdrawal is never failed (and its
    // money returned) while a payment might exist.
    if (reply.status !== 200) throw this.unavailable(`query HTTP ${reply.status} ${reply.code ?? ''}`);
    const bill = parseBill(reply.json, null);
    if (!bill || bill.outBillNo !== outBillNo) throw this.unavailable('answer is not the bill asked');
    return bill;
  }

  private async call(method: 'GET' | 'POST', path: string, body?: object): Promise<Reply> {
    const { credentials, clock } = this.options;
    const payload = body === undefined ? '' : JSON.stringify(body);
    const headers = signedRequestHeaders(credentials, clock.now(), method, path, payload, USER_AGENT);
    let response: Response;
    let text: Buffer;
    try {
      response = await this.fetch(this.options.apiBase + path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: payload }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      text = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw this.unavailable(`unreachable: ${(error as Error).name}`);
    }
    const verified = this.verifyAnswer(response.headers, text);
    if (verified !== true) {
      // An unverified answer can only fail the call; it never says a transfer happened or did not.
      throw this.unavailable(`answer not verified: ${verified} (HTTP ${response.status})`);
    }
    let json: unknown = null;
    try {
      json = text.length ? JSON.parse(text.toString('utf8')) : null;
    } catch {
      throw this.unavailable(`HTTP ${response.status} answer is not JSON`);
    }
    const ok = response.status >= 200 && response.status < 300;
    const code = ok
      ? undefined
      : typeof (json as { code?: unknown })?.code === 'string'
        ? (json as { code: string }).code
        : 'UNKNOWN';
    if (!ok)
      this.logger.warn({
        msg: 'WeChat transfer refused the call',
        path: path.split('/out-bill-no/')[0],
        httpStatus: response.status,
        wechatCode: code,
        requestId: response.headers.get('request-id') ?? undefined,
      });
    return { status: response.status, json, ...(code ? { code } : {}) };
  }

  private verifyAnswer(headers: Headers, body: Buffer): true | string {
    return verifyAnswer(this.options.credentials, this.options.clock.now(), headers, body);
  }

  private rejected(reason: string): DomainException {
    this.logger.error({ msg: 'WeChat transfer refused', reason });
    return new DomainException('PAYMENT_REJECTED');
  }

  private unavailable(reason: string): DomainException {
    this.logger.error({ msg: 'WeChat transfer call failed', reason });
    return new DomainException('PAYMENT_UNAVAILABLE');
  }
}

function parseBill(json: unknown, requestedFen: number | null): TransferBill | null {
  if (!json || typeof json !== 'object') return null;
  const j = json as Record<string, unknown>;
  if (typeof j.out_bill_no !== 'string' || typeof j.state !== 'string') return null;
  if (!STATES.includes(j.state as TransferState)) return null;
  const amount = typeof j.transfer_amount === 'number' ? j.transfer_amount : requestedFen;
  if (amount === null) return null;
  return {
    outBillNo: j.out_bill_no,
    transferBillNo: typeof j.transfer_bill_no === 'string' ? j.transfer_bill_no : null,
    state: j.state as TransferState,
    amountFen: amount,
    failReason: typeof j.fail_reason === 'string' ? j.fail_reason : null,
    packageInfo: typeof j.package_info === 'string' ? j.package_info : null,
  };
}
