/** What `code2Session` answers. `sessionKey` must never leave the server nor reach a log. */
export interface WechatSession {
  openid: string;
  unionid?: string;
  sessionKey: string;
}

/** What `phonenumber.getPhoneNumber` answers for a `getPhoneNumber` button code. */
export interface WechatPhoneNumber {
  /** With the country code for non-mainland numbers, e.g. `+1 2025550123`; equal to purePhoneNumber in China. */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export interface UnlimitedQrCodeRequest {
  scene: string;
  /** A published page path without a leading slash, e.g. `packages/member/pages/signup/index`. */
  page: string;
  /** Pixel width, 280–1280 (WeChat's default 430). */
  width?: number;
}

/**
 * A subscribe message (订阅消息), sent once per consent the member gave with `wx.requestSubscribeMessage`.
 * `data` maps the template's keywords to their values, e.g. `{ thing1: '周三新品', time2: '2026-11-25 20:00' }`;
 * WeChat checks each value against its keyword type (thing ≤ 20 characters, time, phrase ≤ 5, …).
 */
export interface SubscribeMessage {
  toOpenId: string;
  templateId: string;
  /** The page opened by tapping the message, with its query, e.g. `packages/drops/pages/detail/index?id=7`. */
  page?: string;
  data: Record<string, string>;
  /** Which build opens on tap; WeChat's default `formal` (the released version). */
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

/** What WeChat answered an accepted subscribe message with: its message id (absent from a stray reply). */
export interface SubscribeSendResult {
  msgid: string | null;
}

/**
 * The server's door to WeChat's mini program APIs. Errors surface as DomainException: WECHAT_CODE_INVALID,
 * WECHAT_CODE_USED, RATE_LIMITED or SERVICE_UNAVAILABLE; `sendSubscribeMessage` throws the typed errors of
 * wechat.errors.ts instead, so a background sender can tell "refused" from "retry later". Two implementations: HttpWechatGateway (WeChat, or a
 * fake speaking its wire format in tests) and DevWechatGateway (the one-command demo; no WeChat account needed).
 * An abstract class rather than an interface so it doubles as the Nest injection token.
 */
export abstract class WechatGateway {
  /** Exchanges a `wx.login` code (single use, valid ~5 minutes) for the user's openid and session key. */
  abstract code2Session(code: string): Promise<WechatSession>;

  /** Exchanges a `getPhoneNumber` button code for the phone number the user agreed to share. */
  abstract getPhoneNumber(code: string): Promise<WechatPhoneNumber>;

  /**
   * A mini program code image (PNG) from `wxacode.getUnlimited`: opens `page` with `scene` (≤ 32 visible ASCII
   * characters). Unlimited in number, so each store and staff member can have their own; callers cache the image.
   */
  abstract getUnlimitedQrCode(request: UnlimitedQrCodeRequest): Promise<Buffer>;

  /**
   * `subscribeMessage.send`. Resolves with WeChat's msgid once it accepted the message. Throws WechatSubscribeRefusedError
   * (errcode 43101: the member has not subscribed, or used up their one-time consent: do not retry),
   * WechatApiError for any other errcode (e.g. 47003, template data WeChat rejects; `retryable` only for
   * "system busy"), and WechatUnavailableError (retryable) when WeChat cannot be reached.
   */
  abstract sendSubscribeMessage(message: SubscribeMessage): Promise<SubscribeSendResult>;

  /**
   * A valid server-side access token, shared by every replica (see WechatAccessTokenCache). Pass the token a
   * call was just refused with (errcode 40001/42001) to get a fresh one instead of the same.
   */
  abstract getAccessToken(rejected?: string): Promise<string>;
}
