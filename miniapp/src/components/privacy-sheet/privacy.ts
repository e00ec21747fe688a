import Taro from '@tarojs/taro';

/**
 * WeChat's privacy authorization (base library ≥ 2.32.3). A call to a privacy API or component (the phone-number
 * button, wx.chooseAddress, saving to the album, the clipboard, location…) is HELD by WeChat until the member has
 * agreed to the mini program's 用户隐私保护指引; WeChat then fires `wx.onNeedPrivacyAuthorization` once per held
 * call. This module is that listener, registered once for the whole app (app.tsx): it opens the privacy sheet
 * (PrivacyHost) on the page that made the call and answers WeChat with what the member chose:
 * - 同意 (an `agreePrivacyAuthorization` button, id PRIVACY_AGREE_BUTTON_ID): resolve({ event: 'agree', buttonId }),
 *   and the held call continues;
 * - 拒绝 or closing the sheet: resolve({ event: 'disagree' }), and the held call fails with
 *   "<api>:fail privacy permission is not authorized" (isPrivacyDenied); the member is told why in Chinese, and
 *   nothing else changes: browsing, the cart and paying need no privacy API.
 *
 * The browser build has no such hold, so the same sheet is shown before its equivalent actions there
 * (requestPrivacyAgreement: copying a share link); an agreement is remembered on the device.
 */

export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';
/** Shown when the member refuses: the feature needs the agreement, and nothing else is affected. */
export const PRIVACY_DENIED_MESSAGE = '未同意隐私保护指引，暂时无法使用此功能';
/** Until getPrivacySetting answers (or in the browser): the name the brand gives its guide in the MP console. */
export const DEFAULT_CONTRACT_NAME = '《Tidepool 会员商城隐私保护指引》';
/** The browser build remembers an agreement here (WeChat keeps its own record on the phone). */
export const H5_AGREEMENT_KEY = 'tidepool-privacy-agreed';

type Answer = { event: 'agree'; buttonId: string } | { event: 'disagree' } | { event: 'exposureAuthorization' };

export interface PrivacyPrompt {
  /** The guide's name, e.g. 《…隐私保护指引》. */
  contractName: string;
  /** The page the held call came from (its $taroPath), where the sheet is shown. */
  pagePath: string;
}

type Listener = (prompt: PrivacyPrompt | null) => void;

let pending: Array<(answer: Answer) => void> = [];
let prompt: PrivacyPrompt | null = null;
let contractName = DEFAULT_CONTRACT_NAME;
const listeners = new Set<Listener>();
let installed = false;

function notify(): void {
  listeners.forEach((listener) => listener(prompt));
}

/** The sheet host subscribes here; the current prompt (or null) is sent at once and on every change. */
export function subscribePrivacyPrompt(listener: Listener): () => void {
  listeners.add(listener);
  listener(prompt);
  return () => listeners.delete(listener);
}

function currentPagePath(): string {
  const page = Taro.getCurrentInstance().page as { $taroPath?: string } | null | undefined;
  return page?.$taroPath ?? '';
}

/** Opens the sheet (or adds to the one open: every held call gets the member's single answer). */
function ask(answer: (a: Answer) => void): void {
  pending.push(answer);
  if (prompt) return;
  prompt = { contractName, pagePath: currentPagePath() };
  notify();
  answer({ event: 'exposureAuthorization' });
}

function settle(answer: Answer): void {
  const waiting = pending;
  pending = [];
  prompt = null;
  notify();
  waiting.forEach((resolve) => resolve(answer));
}

/** 同意: called from the agreePrivacyAuthorization button's tap, so WeChat has seen the button pressed. */
export function agreePrivacy(): void {
  if (process.env.TARO_ENV === 'h5') Taro.setStorageSync(H5_AGREEMENT_KEY, '1');
  settle({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
}

/** 拒绝 (or the mask): the held calls fail; say why without blocking anything else. */
export function disagreePrivacy(): void {
  settle({ event: 'disagree' });
  Taro.showToast({ title: PRIVACY_DENIED_MESSAGE, icon: 'none', duration: 2500 }).catch(() => undefined);
}

/** The full guide: WeChat's page for the brand's 用户隐私保护指引; the browser shows the member privacy page. */
export function openPrivacyContract(): void {
  if (process.env.TARO_ENV === 'h5') {
    Taro.navigateTo({ url: '/packages/member/pages/privacy/index' }).catch(() => undefined);
    return;
  }
  Taro.openPrivacyContract({ fail: () => undefined });
}

/** A held call that failed because the member did not agree ("…:fail privacy permission is not authorized"). */
export function isPrivacyDenied(error: unknown): boolean {
  const e = (error ?? {}) as { errMsg?: unknown; errno?: unknown };
  const errMsg = typeof e.errMsg === 'string' ? e.errMsg : '';
  return e.errno === 104 || /privacy permission is not authorized/i.test(errMsg);
}

/**
 * The browser build's stand-in for WeChat's hold: resolves true at once on weapp (WeChat holds the call itself) or
 * once agreed; otherwise shows the sheet and resolves with the member's answer. Taro's H5 build turns
 * `Taro.setClipboardData(…)` into a direct import, so the browser's privacy actions call this first.
 */
export function requestPrivacyAgreement(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'h5' || Taro.getStorageSync(H5_AGREEMENT_KEY) === '1') return Promise.resolve(true);
  return new Promise((resolve) =>
    ask((answer) => {
      if (answer.event !== 'exposureAuthorization') resolve(answer.event === 'agree');
    }),
  );
}

/**
 * Registers the app's one privacy listener (app.tsx, at load). Also reads the guide's name for the sheet; on
 * an old base library without the privacy APIs nothing is held, so there is nothing to register.
 */
export function installPrivacyAuthorization(): void {
  if (installed) return;
  installed = true;
  if (process.env.TARO_ENV === 'h5') return;
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => ask(resolve));
  Taro.getPrivacySetting?.({
    success: (res) => {
      if (res.privacyContractName) contractName = res.privacyContractName;
    },
    fail: () => undefined,
  });
}
