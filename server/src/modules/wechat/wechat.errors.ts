import { DomainException } from '../../common/errors/domain.exception';

/**
 * Typed failures of WechatGateway calls made in the background (subscribe messages), where the caller must
 * decide between "give up", "retry later" and "mark refused". All are DomainException(SERVICE_UNAVAILABLE) with
 * its default message, so one that does reach an HTTP answer is a plain 503 that tells the client nothing of
 * WeChat's; the details (api, errcode, errmsg, reason) are fields for the caller and its logs, never a token.
 */
export abstract class WechatGatewayError extends DomainException {
  /** True when the same call may succeed later (network failure, WeChat busy or rate limited). */
  abstract readonly retryable: boolean;

  constructor(readonly api: string) {
    super('SERVICE_UNAVAILABLE');
  }
}

/**
 * WeChat could not be reached, timed out, or answered something that is not its JSON: retry later. WeChat has no
 * idempotency key for subscribe messages, so after a timeout the message may have been delivered; a retry then
 * either delivers a second copy (only if the member has another consent left) or gets 43101.
 */
export class WechatUnavailableError extends WechatGatewayError {
  readonly retryable = true;

  constructor(
    api: string,
    readonly reason: string,
  ) {
    super(api);
  }
}

/**
 * errcodes worth retrying later: -1 system busy, 45009 daily quota, 45011 frequency limit, and an access token
 * refused even after the one refresh (40001/40014/42001: another replica or party is rotating it).
 */
const RETRYABLE_ERRCODES = new Set([-1, 45009, 45011, 40001, 40014, 42001]);

/** WeChat answered an errcode (other than the refused-consent and expired-token ones). */
export class WechatApiError extends WechatGatewayError {
  readonly retryable: boolean;

  constructor(
    api: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(api);
    this.retryable = RETRYABLE_ERRCODES.has(errcode);
  }
}

/** Errcode 43101: the member has not accepted this template, or already used their one-time consent. */
export const SUBSCRIBE_REFUSED_ERRCODE = 43101;

/** subscribeMessage.send refused for want of consent: mark the reminder refused; retrying cannot help. */
export class WechatSubscribeRefusedError extends WechatApiError {
  constructor(api: string, errmsg: string) {
    super(api, SUBSCRIBE_REFUSED_ERRCODE, errmsg);
  }
}
