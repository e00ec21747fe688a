import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local WeChat speaking the real wire format: JSON bodies with errcode/errmsg, HTTP 200 even on errors.
 * Login codes are registered with `addLoginCode` and are single use (40163 on reuse); unknown codes get 40029.
 * Counts every call so tests can assert how many token fetches the replicas made. Subscribe messages need a
 * template (`addSubscribeTemplate`, its keywords) and a consent per message (`grantSubscribe`, as each tap on
 * 允许 in `wx.requestSubscribeMessage` gives one); each accepted body is kept in `subscribeMessages`.
 */
export interface FakeSession {
  openid: string;
  session_key: string;
  unionid?: string;
}

/** The body of `POST /cgi-bin/message/subscribe/send` as WeChat receives it. */
export interface FakeSubscribeBody {
  touser?: string;
  template_id?: string;
  page?: string;
  data?: Record<string, { value?: unknown }>;
  miniprogram_state?: string;
  lang?: string;
}

export class FakeWechat {
  readonly appId = 'wxfake0123456789';
  readonly secret = 'fake-app-secret-0123456789abcdef';
  readonly calls = { token: 0, jscode2session: 0, getuserphonenumber: 0, getwxacodeunlimit: 0, subscribesend: 0 };
  /** The scenes asked for with getwxacodeunlimit, in order. */
  readonly qrScenes: string[] = [];
  /** Every subscribe message WeChat accepted, in order, exactly as received. */
  readonly subscribeMessages: FakeSubscribeBody[] = [];
  /** Seconds WeChat says a new token lives. */
  tokenExpiresIn = 7200;
  /** Delay before answering a token request, so concurrent callers really overlap. */
  tokenDelayMs = 100;
  /** When set, the next calls to that API answer this errcode (e.g. 45011), consumed one per call. */
  readonly failNext: Partial<Record<keyof FakeWechat['calls'], number[]>> = {};
  url = '';

  private readonly loginCodes = new Map<string, FakeSession>();
  private readonly usedCodes = new Set<string>();
  private readonly phoneCodes = new Map<string, string>();
  private readonly validTokens = new Set<string>();
  private readonly templates = new Map<string, string[]>();
  /** `${openid} ${templateId}` → consents left. */
  private readonly consents = new Map<string, number>();
  private readonly server = createServer((req, res) => void this.handle(req, res));

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  addLoginCode(code: string, session: FakeSession): void {
    this.loginCodes.set(code, session);
  }

  addPhoneCode(code: string, phone: string): void {
    this.phoneCodes.set(code, phone);
  }

  addSubscribeTemplate(templateId: string, keywords: string[]): void {
    this.templates.set(templateId, keywords);
  }

  /** The member tapped 允许 `times` times for this template: that many messages may be sent. */
  grantSubscribe(openid: string, templateId: string, times = 1): void {
    const key = `${openid} ${templateId}`;
    this.consents.set(key, (this.consents.get(key) ?? 0) + times);
  }

  consentsLeft(openid: string, templateId: string): number {
    return this.consents.get(`${openid} ${templateId}`) ?? 0;
  }

  /** WeChat revoked every token (e.g. another party fetched one too often): the next call gets 40001. */
  revokeTokens(): void {
    this.validTokens.clear();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const q = url.searchParams;
    const send = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const fail = (errcode: number, errmsg: string) => send({ errcode, errmsg: `${errmsg} rid: fake` });
    const injected = (api: keyof FakeWechat['calls']) => this.failNext[api]?.shift();

    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
      this.calls.token++;
      await new Promise((resolve) => setTimeout(resolve, this.tokenDelayMs));
      const forced = injected('token');
      if (forced) return fail(forced, 'injected');
      if (q.get('grant_type') !== 'client_credential') return fail(40002, 'invalid grant_type');
      if (q.get('appid') !== this.appId) return fail(40013, 'invalid appid');
      if (q.get('secret') !== this.secret) return fail(40125, 'invalid appsecret');
      const token = `token-${this.calls.token}-${Math.random().toString(36).slice(2)}`;
      this.validTokens.add(token);
      return send({ access_token: token, expires_in: this.tokenExpiresIn });
    }

    if (req.method === 'GET' && url.pathname === '/sns/jscode2session') {
      this.calls.jscode2session++;
      const forced = injected('jscode2session');
      if (forced) return fail(forced, 'injected');
      if (q.get('appid') !== this.appId || q.get('secret') !== this.secret) return fail(40125, 'invalid appsecret');
      if (q.get('grant_type') !== 'authorization_code') return fail(40002, 'invalid grant_type');
      const code = q.get('js_code') ?? '';
      const session = this.loginCodes.get(code);
      if (!session) return fail(40029, 'invalid code');
      if (this.usedCodes.has(code)) return fail(40163, 'code been used');
      this.usedCodes.add(code);
      return send(session);
    }

    if (req.method === 'POST' && url.pathname === '/wxa/business/getuserphonenumber') {
      this.calls.getuserphonenumber++;
      const body = JSON.parse(await readBody(req)) as { code?: string };
      const forced = injected('getuserphonenumber');
      if (forced) return fail(forced, 'injected');
      if (!this.validTokens.has(q.get('access_token') ?? '')) return fail(40001, 'invalid credential');
      const phone = this.phoneCodes.get(body.code ?? '');
      if (!phone) return fail(40029, 'invalid code');
      return send({
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: phone,
          purePhoneNumber: phone,
          countryCode: '86',
          watermark: { timestamp: 1700000000, appid: this.appId },
        },
      });
    }

    if (req.method === 'POST' && url.pathname === '/wxa/getwxacodeunlimit') {
      this.calls.getwxacodeunlimit++;
      const body = JSON.parse(await readBody(req)) as { scene?: string; page?: string };
      const forced = injected('getwxacodeunlimit');
      if (forced) return fail(forced, 'injected');
      if (!this.validTokens.has(q.get('access_token') ?? '')) return fail(40001, 'invalid credential');
      // WeChat's rule: scene at most 32 visible characters from a small set.
      if (!body.scene || !/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/.test(body.scene))
        return fail(40169, 'invalid scene');
      this.qrScenes.push(body.scene);
      // A real PNG signature and the scene, so a test can tell whose image it got.
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(body.scene)]));
      return;
    }

    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      this.calls.subscribesend++;
      const body = JSON.parse(await readBody(req)) as FakeSubscribeBody;
      const forced = injected('subscribesend');
      if (forced) return fail(forced, 'injected');
      if (!this.validTokens.has(q.get('access_token') ?? '')) return fail(40001, 'invalid credential');
      if (!body.touser) return fail(40003, 'invalid openid');
      const keywords = this.templates.get(body.template_id ?? '');
      if (!keywords) return fail(40037, 'invalid template_id');
      if (body.miniprogram_state && !['developer', 'trial', 'formal'].includes(body.miniprogram_state))
        return fail(47003, 'argument invalid! miniprogram_state invalid');
      for (const keyword of keywords) {
        const value = body.data?.[keyword]?.value;
        if (typeof value !== 'string' || value === '')
          return fail(47003, `argument invalid! data.${keyword}.value is empty`);
        // A `thing` keyword holds at most 20 characters.
        if (keyword.startsWith('thing') && [...value].length > 20)
          return fail(47003, `argument invalid! data.${keyword}.value invalid`);
      }
      const key = `${body.touser} ${body.template_id}`;
      const left = this.consents.get(key) ?? 0;
      if (left < 1) return fail(43101, 'user refuse to accept the msg');
      this.consents.set(key, left - 1);
      this.subscribeMessages.push(body);
      return send({ errcode: 0, errmsg: 'ok', msgid: 1000 + this.subscribeMessages.length });
    }

    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
