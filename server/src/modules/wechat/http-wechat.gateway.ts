import { Logger } from '@nestjs/common';
import type { ErrorCode } from '@tidepool/shared';
import { DomainException } from '../../common/errors/domain.exception';
import type { WechatAccessTokenCache, FetchedToken } from './wechat-access-token.cache';
import {
  SUBSCRIBE_REFUSED_ERRCODE,
  WechatApiError,
  WechatSubscribeRefusedError,
  WechatUnavailableError,
} from './wechat.errors';
import {
  type SubscribeMessage,
  type SubscribeSendResult,
  type UnlimitedQrCodeRequest,
  WechatGateway,
  type WechatPhoneNumber,
  type WechatSession,
} from './wechat.gateway';

export interface HttpWechatOptions {
  apiBase: string;
  appId: string;
  secret: string;
  timeoutMs?: number;
}

/** WeChat answers HTTP 200 even for errors; the outcome is in `errcode` (absent or 0 on success). */
interface WechatReply {
  errcode?: number;
  errmsg?: string;
}

/** subscribeMessage.send's answer: a numeric msgid on success, which callers keep as text. */
interface SubscribeReply extends WechatReply {
  msgid?: number | string | null;
}

interface SessionReply extends WechatReply {
  openid?: string;
  unionid?: string;
  session_key?: string;
}

interface TokenReply extends WechatReply {
  access_token?: string;
  expires_in?: number;
}

interface PhoneReply extends WechatReply {
  phone_info?: { phoneNumber: string; purePhoneNumber: string; countryCode: string };
}

/** Errcodes meaning "this access token is no longer good": fetch a new one and retry once. */
const TOKEN_REJECTED = new Set([40001, 40014, 42001]);

function codeFor(errcode: number): ErrorCode {
  switch (errcode) {
    case 40029:
      return 'WECHAT_CODE_INVALID';
    case 40163:
      return 'WECHAT_CODE_USED';
    case 45011:
      return 'RATE_LIMITED';
    default:
      return 'SERVICE_UNAVAILABLE';
  }
}

/**
 * The real WeChat client (Node fetch). Never logs a URL (the query carries the app secret and the user's code)
 * nor a reply body (it carries the session key): only the API name, errcode and errmsg.
 */
export class HttpWechatGateway extends WechatGateway {
  private readonly logger = new Logger('WechatGateway');
  private readonly tokens: WechatAccessTokenCache;

  constructor(
    private readonly options: HttpWechatOptions,
    tokens: (fetchToken: () => Promise<FetchedToken>) => WechatAccessTokenCache,
  ) {
    super();
    this.tokens = tokens(() => this.fetchAccessToken());
  }

  async code2Session(code: string): Promise<WechatSession> {
    const reply = await this.call<SessionReply>('jscode2session', '/sns/jscode2session', {
      appid: this.options.appId,
      secret: this.options.secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    this.check('jscode2session', reply);
    if (!reply.openid || !reply.session_key) throw this.unavailable('jscode2session', 'reply without openid');
    return {
      openid: reply.openid,
      sessionKey: reply.session_key,
      ...(reply.unionid ? { unionid: reply.unionid } : {}),
    };
  }

  async getPhoneNumber(code: string): Promise<WechatPhoneNumber> {
    const ask = (token: string) =>
      this.call<PhoneReply>(
        'getuserphonenumber',
        '/wxa/business/getuserphonenumber',
        { access_token: token },
        { code },
      );
    const token = await this.tokens.get();
    let reply = await ask(token);
    if (reply.errcode !== undefined && TOKEN_REJECTED.has(reply.errcode)) {
      this.logger.warn({ msg: 'WeChat refused the access token; refreshing once', errcode: reply.errcode });
      reply = await ask(await this.tokens.get(token));
    }
    this.check('getuserphonenumber', reply);
    const info = reply.phone_info;
    if (!info?.purePhoneNumber) throw this.unavailable('getuserphonenumber', 'reply without phone_info');
    return { phoneNumber: info.phoneNumber, purePhoneNumber: info.purePhoneNumber, countryCode: info.countryCode };
  }

  /**
   * `POST /wxa/getwxacodeunlimit`: the image bytes on success; on failure WeChat answers a JSON errcode body
   * instead (still HTTP 200), which is how the two are told apart.
   */
  async getUnlimitedQrCode({ scene, page, width }: UnlimitedQrCodeRequest): Promise<Buffer> {
    const body = { scene, page, width: width ?? 430, check_path: false };
    const ask = (token: string) => this.callBinary('getwxacodeunlimit', '/wxa/getwxacodeunlimit', token, body);
    const token = await this.tokens.get();
    let reply = await ask(token);
    if (!Buffer.isBuffer(reply) && reply.errcode !== undefined && TOKEN_REJECTED.has(reply.errcode)) {
      this.logger.warn({ msg: 'WeChat refused the access token; refreshing once', errcode: reply.errcode });
      reply = await ask(await this.tokens.get(token));
    }
    if (Buffer.isBuffer(reply)) return reply;
    this.check('getwxacodeunlimit', reply);
    throw this.unavailable('getwxacodeunlimit', 'reply without an image');
  }

  /**
   * `POST /cgi-bin/message/subscribe/send`. Each keyword value is wrapped as WeChat wants (`{ value }`); the
   * messages are always in Chinese (`lang: zh_CN`). Token refusals are retried once with a fresh token like the
   * other calls; then 43101 is WechatSubscribeRefusedError and any other errcode a WechatApiError.
   */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<SubscribeSendResult> {
    const api = 'subscribesend';
    const body = {
      touser: message.toOpenId,
      template_id: message.templateId,
      ...(message.page !== undefined ? { page: message.page } : {}),
      data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
      miniprogram_state: message.miniprogramState ?? 'formal',
      lang: 'zh_CN',
    };
    const ask = (token: string) =>
      this.call<SubscribeReply>(api, '/cgi-bin/message/subscribe/send', { access_token: token }, body);
    const token = await this.retryableToken();
    let reply = await ask(token);
    if (reply.errcode !== undefined && TOKEN_REJECTED.has(reply.errcode)) {
      this.logger.warn({ msg: 'WeChat refused the access token; refreshing once', errcode: reply.errcode });
      reply = await ask(await this.retryableToken(token));
    }
    if (reply.errcode === undefined || reply.errcode === 0)
      return { msgid: reply.msgid === undefined || reply.msgid === null ? null : String(reply.msgid) };
    const fields = { msg: 'WeChat refused the subscribe message', api, errcode: reply.errcode, errmsg: reply.errmsg };
    if (reply.errcode === SUBSCRIBE_REFUSED_ERRCODE) {
      this.logger.log(fields);
      throw new WechatSubscribeRefusedError(api, reply.errmsg ?? '');
    }
    const error = new WechatApiError(api, reply.errcode, reply.errmsg ?? '');
    if (error.retryable) this.logger.warn(fields);
    else this.logger.error(fields);
    throw error;
  }

  getAccessToken(rejected?: string): Promise<string> {
    return this.tokens.get(rejected);
  }

  /** The access token, any failure to get one (WeChat's errcode, lease wait) being a WechatUnavailableError. */
  private async retryableToken(rejected?: string): Promise<string> {
    try {
      return await this.tokens.get(rejected);
    } catch (error) {
      if (error instanceof DomainException && !(error instanceof WechatUnavailableError)) {
        throw new WechatUnavailableError('token', error.code);
      }
      throw error;
    }
  }

  /** Called only by the holder of the refresh lease (see WechatAccessTokenCache). */
  private async fetchAccessToken(): Promise<FetchedToken> {
    const reply = await this.call<TokenReply>('token', '/cgi-bin/token', {
      grant_type: 'client_credential',
      appid: this.options.appId,
      secret: this.options.secret,
    });
    this.check('token', reply);
    if (!reply.access_token || !reply.expires_in) throw this.unavailable('token', 'reply without access_token');
    this.logger.log({ msg: 'WeChat access token refreshed', expiresIn: reply.expires_in });
    return { token: reply.access_token, expiresInSeconds: reply.expires_in };
  }

  private async call<T extends WechatReply>(
    api: string,
    path: string,
    query: Record<string, string>,
    body?: unknown,
  ): Promise<T> {
    const url = new URL(this.options.apiBase + path);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    let response: Response;
    try {
      response = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch (error) {
      throw this.unavailable(api, `unreachable: ${(error as Error).name}`);
    }
    if (!response.ok) throw this.unavailable(api, `HTTP ${response.status}`);
    try {
      return (await response.json()) as T;
    } catch {
      throw this.unavailable(api, 'reply is not JSON');
    }
  }

  private async callBinary(api: string, path: string, token: string, body: unknown): Promise<Buffer | WechatReply> {
    const url = new URL(this.options.apiBase + path);
    url.searchParams.set('access_token', token);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch (error) {
      throw this.unavailable(api, `unreachable: ${(error as Error).name}`);
    }
    if (!response.ok) throw this.unavailable(api, `HTTP ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      try {
        return JSON.parse(bytes.toString('utf8')) as WechatReply;
      } catch {
        throw this.unavailable(api, 'reply is not JSON');
      }
    }
    return bytes;
  }

  private check(api: string, reply: WechatReply): void {
    if (reply.errcode === undefined || reply.errcode === 0) return;
    const code = codeFor(reply.errcode);
    const fields = { msg: 'WeChat refused the call', api, errcode: reply.errcode, errmsg: reply.errmsg, code };
    if (code === 'SERVICE_UNAVAILABLE') this.logger.error(fields);
    else this.logger.warn(fields);
    throw new DomainException(code);
  }

  /** SERVICE_UNAVAILABLE, as the retryable WechatUnavailableError so background callers know to try again. */
  private unavailable(api: string, reason: string): DomainException {
    this.logger.error({ msg: 'WeChat call failed', api, reason });
    return new WechatUnavailableError(api, reason);
  }
}
