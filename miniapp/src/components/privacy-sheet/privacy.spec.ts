import { beforeEach, describe, expect, it, vi } from 'vitest';

type Resolve = (answer: { event: string; buttonId?: string }) => void;
const taro = vi.hoisted(() => ({
  listener: null as ((resolve: Resolve) => void) | null,
  storage: new Map<string, unknown>(),
  toasts: [] as string[],
  onNeedPrivacyAuthorization: vi.fn(),
  getPrivacySetting: vi.fn(),
  openPrivacyContract: vi.fn(),
  navigateTo: vi.fn(() => Promise.resolve()),
  getCurrentInstance: () => ({ page: { $taroPath: 'pages/index/index?$taroTimestamp=1' } }),
  getStorageSync: (key: string) => taro.storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => taro.storage.set(key, value),
  showToast: vi.fn((options: { title: string }) => {
    taro.toasts.push(options.title);
    return Promise.resolve();
  }),
}));
vi.mock('@tarojs/taro', () => ({ default: taro, ...taro }));

const privacy = await import('./privacy');

describe('the app-level privacy listener (weapp)', () => {
  beforeEach(() => {
    vi.stubEnv('TARO_ENV', 'weapp');
    taro.toasts.length = 0;
  });

  it('registers once, takes the guide name from getPrivacySetting, and answers every held call once', () => {
    taro.onNeedPrivacyAuthorization.mockImplementation((listener: (resolve: Resolve) => void) => {
      taro.listener = listener;
    });
    taro.getPrivacySetting.mockImplementation((o: { success: (r: object) => void }) =>
      o.success({ needAuthorization: true, privacyContractName: '《潮汐指引》' }),
    );
    privacy.installPrivacyAuthorization();
    privacy.installPrivacyAuthorization();
    expect(taro.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1);

    const prompts: Array<unknown> = [];
    const stop = privacy.subscribePrivacyPrompt((p) => prompts.push(p));
    const first = vi.fn<Resolve>();
    const second = vi.fn<Resolve>();
    taro.listener!(first);
    taro.listener!(second); // a second privacy call while the sheet is open: one sheet, one answer for both
    expect(prompts).toEqual([null, { contractName: '《潮汐指引》', pagePath: 'pages/index/index?$taroTimestamp=1' }]);
    expect(first).toHaveBeenCalledWith({ event: 'exposureAuthorization' });

    privacy.agreePrivacy();
    expect(first).toHaveBeenLastCalledWith({ event: 'agree', buttonId: privacy.PRIVACY_AGREE_BUTTON_ID });
    expect(second).toHaveBeenLastCalledWith({ event: 'agree', buttonId: privacy.PRIVACY_AGREE_BUTTON_ID });
    expect(prompts.at(-1)).toBeNull();
    stop();
  });

  it('a refusal fails the held call and says why in Chinese', () => {
    const held = vi.fn<Resolve>();
    taro.listener!(held);
    privacy.disagreePrivacy();
    expect(held).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(taro.toasts).toEqual([privacy.PRIVACY_DENIED_MESSAGE]);
  });

  it('requestPrivacyAgreement does not ask on weapp (WeChat holds the call itself)', async () => {
    await expect(privacy.requestPrivacyAgreement()).resolves.toBe(true);
  });

  it('recognises a call WeChat failed for want of the agreement', () => {
    expect(privacy.isPrivacyDenied({ errMsg: 'chooseAddress:fail privacy permission is not authorized' })).toBe(true);
    expect(privacy.isPrivacyDenied({ errMsg: 'x:fail', errno: 104 })).toBe(true);
    expect(privacy.isPrivacyDenied({ errMsg: 'chooseAddress:fail cancel' })).toBe(false);
    expect(privacy.isPrivacyDenied(null)).toBe(false);
  });
});

describe('the browser build', () => {
  it('asks with the same sheet, remembers an agreement, and resolves false on a refusal', async () => {
    vi.stubEnv('TARO_ENV', 'h5');
    const refused = privacy.requestPrivacyAgreement();
    privacy.disagreePrivacy();
    await expect(refused).resolves.toBe(false);
    const agreed = privacy.requestPrivacyAgreement();
    privacy.agreePrivacy();
    await expect(agreed).resolves.toBe(true);
    expect(taro.storage.get(privacy.H5_AGREEMENT_KEY)).toBe('1');
    await expect(privacy.requestPrivacyAgreement()).resolves.toBe(true); // no sheet this time
    vi.unstubAllEnvs();
  });
});
