import { createHash, randomBytes } from 'node:crypto';
import * as QRCode from 'qrcode';
import type { Clock } from '../../common/clock/clock.service';
import { DomainException } from '../../common/errors/domain.exception';
import { WechatApiError } from './wechat.errors';
import {
  type SubscribeMessage,
  type SubscribeSendResult,
  type UnlimitedQrCodeRequest,
  WechatGateway,
  type WechatPhoneNumber,
  type WechatSession,
} from './wechat.gateway';

const LOGIN_CODE = /^dev-(.+)$/;
const PHONE_CODE = /^dev-phone-(\d{11})$/;

/** How many sent subscribe messages the development gateway keeps (oldest dropped first). */
export const DEV_SUBSCRIBE_MESSAGES_KEPT = 500;

/** A subscribe message the development gateway "sent": the message as asked, when, and a running number. */
export interface SentSubscribeMessage extends SubscribeMessage {
  seq: number;
  sentAt: Date;
}

/**
 * Local stand-in for WeChat, used by `pnpm start` and the tests: the code `dev-<anything>` always logs in the same
 * user for the same `<anything>` (so a browser can come back as itself), and `dev-phone-<11 digits>` shares that
 * number. Anything else is refused like WeChat refuses a bad code. Subscribe messages are kept in memory (the
 * last DEV_SUBSCRIBE_MESSAGES_KEPT, per process) instead of being delivered; GET /api/dev/wechat/subscribe-messages
 * lists them so a demo or an e2e test can see what would have reached the member.
 */
export class DevWechatGateway extends WechatGateway {
  private readonly sent: SentSubscribeMessage[] = [];
  private seq = 0;

  constructor(private readonly clock: Clock) {
    super();
  }

  code2Session(code: string): Promise<WechatSession> {
    const match = LOGIN_CODE.exec(code);
    if (!match?.[1]) return Promise.reject(new DomainException('WECHAT_CODE_INVALID'));
    const digest = createHash('sha256').update(match[1]).digest('hex');
    // A fresh session key per login, as WeChat does; only the openid is stable.
    return Promise.resolve({ openid: `dev_${digest.slice(0, 24)}`, sessionKey: randomBytes(16).toString('base64') });
  }

  getPhoneNumber(code: string): Promise<WechatPhoneNumber> {
    const phone = PHONE_CODE.exec(code)?.[1];
    if (!phone) return Promise.reject(new DomainException('WECHAT_CODE_INVALID'));
    return Promise.resolve({ phoneNumber: phone, purePhoneNumber: phone, countryCode: '86' });
  }

  /** A plain QR of `<page>?scene=<token>` stands in for the round mini program code; the token is the same. */
  getUnlimitedQrCode({ scene, page, width }: UnlimitedQrCodeRequest): Promise<Buffer> {
    return QRCode.toBuffer(`${page}?scene=${encodeURIComponent(scene)}`, {
      type: 'png',
      width: width ?? 430,
      margin: 2,
      errorCorrectionLevel: 'M',
    });
  }

  /**
   * Records the message. Refuses, as WeChat does and recording nothing, an empty openid (40003), template id
   * (40037) or keyword value (47003). Consent is not tracked: every message to a non-empty openid is accepted; its msgid is `dev-<running number>`.
   */
  sendSubscribeMessage(message: SubscribeMessage): Promise<SubscribeSendResult> {
    const refuse = (errcode: number, errmsg: string) =>
      Promise.reject(new WechatApiError('subscribesend', errcode, errmsg));
    if (!message.toOpenId) return refuse(40003, 'invalid openid');
    if (!message.templateId) return refuse(40037, 'invalid template_id');
    const empty = Object.entries(message.data).find(([, value]) => value === '');
    if (empty) return refuse(47003, `argument invalid! data.${empty[0]}.value is empty`);
    this.sent.push({ ...message, data: { ...message.data }, seq: ++this.seq, sentAt: this.clock.now() });
    if (this.sent.length > DEV_SUBSCRIBE_MESSAGES_KEPT)
      this.sent.splice(0, this.sent.length - DEV_SUBSCRIBE_MESSAGES_KEPT);
    return Promise.resolve({ msgid: `dev-${this.seq}` });
  }

  /** The kept subscribe messages, newest first (copies: callers cannot change the record). */
  sentSubscribeMessages(): SentSubscribeMessage[] {
    return this.sent
      .slice()
      .reverse()
      .map((m) => ({ ...m, data: { ...m.data }, sentAt: new Date(m.sentAt.getTime()) }));
  }

  getAccessToken(): Promise<string> {
    return Promise.resolve('dev-access-token');
  }
}
