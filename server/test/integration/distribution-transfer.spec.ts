import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SystemClock } from '../../src/common/clock/clock.service';
import { DomainException } from '../../src/common/errors/domain.exception';
import { HttpTransferGateway } from '../../src/modules/payments/transfer/http-transfer.gateway';
import type { TransferState } from '../../src/modules/payments/transfer/transfer.gateway';
import type { WechatPayCredentials } from '../../src/modules/payments/wechatpay/wechatpay-credentials';
import {
  nonceStr,
  parseAuthorization,
  requestMessage,
  responseMessage,
  signSha256Rsa,
  unixSeconds,
  verifySha256Rsa,
} from '../../src/modules/payments/wechatpay/wechatpay-crypto';

/**
 * The real transfer client (商家转账, transfer-bills) against a local fake WeChat Pay speaking the wire format: the
 * fake checks every request's merchant signature and signs every answer with the "platform" key the client
 * verifies. It keeps bills by out_bill_no like WeChat: a repeat answers the existing bill, never a new payment.
 */
const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PUB_KEY_ID = 'PUB_KEY_ID_0114232134912410000000000000000001';
const clock = new SystemClock({ startAt: null });

interface FakeBill {
  out_bill_no: string;
  transfer_bill_no: string;
  state: TransferState;
  transfer_amount: number;
  openid: string;
  fail_reason?: string;
  package_info?: string;
}

const bills = new Map<string, FakeBill>();
const paid = new Map<string, number>();
const seen: { method: string; path: string; authorized: boolean; body: Record<string, unknown> | null }[] = [];
let nextState: TransferState = 'SUCCESS';
let fault: 'none' | 'forge' | 'unsigned' | 'http500' | 'refuseRepeat' = 'none';
let server: Server;
let apiBase: string;

function send(res: ServerResponse, status: number, body: unknown, signWith: KeyObject | null = platform.privateKey) {
  const text = body === null ? '' : JSON.stringify(body);
  const timestamp = unixSeconds(new Date());
  const nonce = nonceStr();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'request-id': `req-${nonce.slice(0, 8)}`,
  };
  if (signWith) {
    headers['wechatpay-timestamp'] = timestamp;
    headers['wechatpay-nonce'] = nonce;
    headers['wechatpay-serial'] = PUB_KEY_ID;
    headers['wechatpay-signature'] = signSha256Rsa(responseMessage(timestamp, nonce, text), signWith);
  }
  res.writeHead(status, headers).end(text);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const auth = parseAuthorization(req.headers.authorization);
  const authorized =
    auth !== null &&
    auth.mchid === '1900000001' &&
    verifySha256Rsa(
      requestMessage(req.method ?? '', req.url ?? '', auth.timestamp, auth.nonce_str, raw),
      auth.signature,
      merchant.publicKey,
    );
  const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
  seen.push({ method: req.method ?? '', path: req.url ?? '', authorized, body });
  if (!authorized) return send(res, 401, { code: 'SIGN_ERROR', message: '签名错误' });
  if (fault === 'http500') return send(res, 500, { code: 'SYSTEM_ERROR', message: '系统错误' });
  const signer = fault === 'forge' ? forger.privateKey : fault === 'unsigned' ? null : platform.privateKey;

  if (req.method === 'POST' && req.url === '/v3/fund-app/mch-transfer/transfer-bills') {
    const outBillNo = String(body?.out_bill_no);
    const existing = bills.get(outBillNo);
    if (existing) {
      if (fault === 'refuseRepeat' || existing.transfer_amount !== body?.transfer_amount) {
        return send(res, 400, { code: 'INVALID_REQUEST', message: '商户单号重复' }, signer);
      }
      return send(res, 200, existing, signer);
    }
    if (body?.openid === 'o-invalid') return send(res, 400, { code: 'PARAM_ERROR', message: 'openid无效' }, signer);
    const bill: FakeBill = {
      out_bill_no: outBillNo,
      transfer_bill_no: `1330000${bills.size + 1}`,
      state: nextState,
      transfer_amount: Number(body?.transfer_amount),
      openid: String(body?.openid),
      ...(nextState === 'FAIL' ? { fail_reason: 'REAL_NAME_CHECK_FAIL' } : {}),
      ...(nextState === 'WAIT_USER_CONFIRM' ? { package_info: 'affffddafdfafddffda==' } : {}),
    };
    bills.set(outBillNo, bill);
    if (nextState === 'SUCCESS') paid.set(outBillNo, (paid.get(outBillNo) ?? 0) + 1);
    const { transfer_amount: _amount, openid: _openid, ...answer } = bill;
    return send(res, 200, { ...answer, create_time: new Date().toISOString() }, signer);
  }
  const query = /^\/v3\/fund-app\/mch-transfer\/transfer-bills\/out-bill-no\/([0-9A-Za-z]+)$/.exec(req.url ?? '');
  if (req.method === 'GET' && query) {
    const bill = bills.get(query[1]);
    if (!bill) return send(res, 404, { code: 'NOT_FOUND', message: '记录不存在' }, signer);
    return send(res, 200, { mch_id: '1900000001', appid: 'wx0000000000000001', ...bill }, signer);
  }
  send(res, 404, { code: 'NOT_FOUND', message: 'no such API' });
}

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  nextState = 'SUCCESS';
  fault = 'none';
});

const credentials: WechatPayCredentials = {
  mchId: '1900000001',
  appId: 'wx0000000000000001',
  merchantSerial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  merchantPrivateKey: merchant.privateKey,
  apiV3Key: Buffer.alloc(32, 1),
  verificationKeys: new Map([[PUB_KEY_ID, platform.publicKey]]),
  preferredSerial: PUB_KEY_ID,
};
const gateway = () => new HttpTransferGateway({ apiBase, credentials, clock, sceneId: '1005', timeoutMs: 2_000 });
let billSeq = 0;
const billNo = () => `TPW${String(Date.now() % 1e9)}${++billSeq}`;
const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'resolved';
  } catch (error) {
    return error instanceof DomainException ? error.code : String(error);
  }
};

describe('HttpTransferGateway against a fake WeChat Pay (wire format, real signatures)', () => {
  it('sends a signed transfer-bills request and reads the verified bill', async () => {
    const outBillNo = billNo();
    const bill = await gateway().transfer({ outBillNo, openid: 'o-payee', amountFen: 1_234, remark: '推广佣金提现' });
    expect(bill).toMatchObject({ outBillNo, state: 'SUCCESS', amountFen: 1_234, transferBillNo: expect.any(String) });
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', authorized: true });
    expect(request.body).toMatchObject({
      appid: 'wx0000000000000001',
      out_bill_no: outBillNo,
      transfer_scene_id: '1005',
      openid: 'o-payee',
      transfer_amount: 1_234,
      transfer_remark: '推广佣金提现',
    });
    expect(request.body?.transfer_scene_report_infos).toHaveLength(2);
    expect(await gateway().query(outBillNo)).toMatchObject({ outBillNo, state: 'SUCCESS', amountFen: 1_234 });
  });

  it('a retried transfer with the same out_bill_no answers the same bill and pays once', async () => {
    const outBillNo = billNo();
    const request = { outBillNo, openid: 'o-payee', amountFen: 500, remark: '提现' };
    const first = await gateway().transfer(request);
    const again = await Promise.all([gateway().transfer(request), gateway().transfer(request)]);
    expect(again.map((b) => b.transferBillNo)).toEqual([first.transferBillNo, first.transferBillNo]);
    fault = 'refuseRepeat'; // WeChat refusing the repeat: the client finds the existing bill instead
    expect((await gateway().transfer(request)).transferBillNo).toBe(first.transferBillNo);
    expect(paid.get(outBillNo)).toBe(1);
  });

  it('reports FAIL and WAIT_USER_CONFIRM (with the package for wx.requestMerchantTransfer)', async () => {
    nextState = 'FAIL';
    const failed = await gateway().transfer({ outBillNo: billNo(), openid: 'o', amountFen: 100, remark: 'x' });
    expect(failed).toMatchObject({ state: 'FAIL', failReason: 'REAL_NAME_CHECK_FAIL' });
    nextState = 'WAIT_USER_CONFIRM';
    const waiting = await gateway().transfer({ outBillNo: billNo(), openid: 'o', amountFen: 100, remark: 'x' });
    expect(waiting).toMatchObject({ state: 'WAIT_USER_CONFIRM', packageInfo: 'affffddafdfafddffda==' });
  });

  it('never takes a forged, unsigned or failing answer for a payment', async () => {
    for (const f of ['forge', 'unsigned', 'http500'] as const) {
      fault = f;
      expect(await codeOf(gateway().transfer({ outBillNo: billNo(), openid: 'o', amountFen: 100, remark: 'x' }))).toBe(
        'PAYMENT_UNAVAILABLE',
      );
    }
    fault = 'none';
    expect(await gateway().query(billNo())).toBeNull();
    const wrongKey = new HttpTransferGateway({
      apiBase,
      credentials: { ...credentials, merchantPrivateKey: forger.privateKey },
      clock,
      sceneId: '1005',
    });
    expect(await codeOf(wrongKey.transfer({ outBillNo: billNo(), openid: 'o', amountFen: 100, remark: 'x' }))).toBe(
      'PAYMENT_UNAVAILABLE',
    );
    expect(seen.at(-1)!.authorized).toBe(false);
  });

  it('a refusal is final (PAYMENT_REJECTED) only when WeChat has no bill for the out_bill_no', async () => {
    expect(
      await codeOf(gateway().transfer({ outBillNo: billNo(), openid: 'o-invalid', amountFen: 100, remark: 'x' })),
    ).toBe('PAYMENT_REJECTED');
    expect(seen.slice(-2).map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it('refuses a malformed request before sending anything', async () => {
    const before = seen.length;
    expect(await codeOf(gateway().transfer({ outBillNo: 'bad-no!', openid: 'o', amountFen: 100, remark: 'x' }))).toBe(
      'PAYMENT_REJECTED',
    );
    expect(await codeOf(gateway().transfer({ outBillNo: billNo(), openid: 'o', amountFen: 0, remark: 'x' }))).toBe(
      'PAYMENT_REJECTED',
    );
    expect(seen.length).toBe(before);
  });
});
