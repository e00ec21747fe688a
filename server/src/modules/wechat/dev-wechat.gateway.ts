import { createHash, randomBytes } from 'node:crypto';
import * as QRCode from 'qrcode';
import { DomainException } from '../../common/errors/domain.exception';
import {
  type UnlimitedQrCodeRequest,
  WechatGateway,
  type WechatPhoneNumber,
  type WechatSession,
} from './wechat.gateway';

const LOGIN_CODE = /^dev-(.+)$/;
const PHONE_CODE = /^dev-phone-(\d{11})$/;

/**
 * Local stand-in for WeChat, used by `pnpm start` and the tests: the code `dev-<anything>` always logs in the same
 * user for the same `<anything>` (so a browser can come back as itself), and `dev-phone-<11 digits>` shares that
 * number. Anything else is refused like WeChat refuses a bad code.
 */
export class DevWechatGateway extends WechatGateway {
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

  getAccessToken(): Promise<string> {
    return Promise.resolve('dev-access-token');
  }
}
