/**
 * WeChat's privacy APIs and components the brand may use, what each needs declared in app.json and which
 * 用户隐私保护指引 item in the MP console covers it (docs/wechat-privacy.md). Read by the declarations spec, which
 * scans miniapp/src for calls; not shipped in the bundle.
 */
export interface PrivacyApi {
  /** `Taro.chooseAddress(` / `wx.chooseAddress(`, or a `<Button openType="getPhoneNumber">`. */
  name: string;
  kind: 'api' | 'button-open-type';
  /** The 用户隐私保护指引 item (信息类型) the brand declares in the MP console. */
  guide: string;
  /** app.json `requiredPrivateInfos` entry WeChat refuses the call without. */
  requiredPrivateInfo?: string;
  /** app.json `permission` scope whose `desc` WeChat shows when asking. */
  permissionScope?: string;
}

export const PRIVACY_APIS: readonly PrivacyApi[] = [
  { name: 'chooseAddress', kind: 'api', guide: '收集你的地址', requiredPrivateInfo: 'chooseAddress' },
  {
    name: 'getLocation',
    kind: 'api',
    guide: '收集你的位置信息',
    requiredPrivateInfo: 'getLocation',
    permissionScope: 'scope.userLocation',
  },
  {
    name: 'getFuzzyLocation',
    kind: 'api',
    guide: '收集你的位置信息',
    requiredPrivateInfo: 'getFuzzyLocation',
    permissionScope: 'scope.userFuzzyLocation',
  },
  {
    name: 'startLocationUpdate',
    kind: 'api',
    guide: '收集你的位置信息',
    requiredPrivateInfo: 'startLocationUpdate',
    permissionScope: 'scope.userLocation',
  },
  { name: 'onLocationChange', kind: 'api', guide: '收集你的位置信息', requiredPrivateInfo: 'onLocationChange' },
  { name: 'chooseLocation', kind: 'api', guide: '收集你选择的位置信息', requiredPrivateInfo: 'chooseLocation' },
  { name: 'choosePoi', kind: 'api', guide: '收集你选择的位置信息', requiredPrivateInfo: 'choosePoi' },
  { name: 'saveImageToPhotosAlbum', kind: 'api', guide: '使用你的相册（仅写入）权限' },
  { name: 'saveVideoToPhotosAlbum', kind: 'api', guide: '使用你的相册（仅写入）权限' },
  { name: 'setClipboardData', kind: 'api', guide: '使用你的剪切板' },
  { name: 'getClipboardData', kind: 'api', guide: '使用你的剪切板' },
  { name: 'chooseImage', kind: 'api', guide: '收集你选中的照片或视频信息' },
  { name: 'chooseMedia', kind: 'api', guide: '收集你选中的照片或视频信息' },
  { name: 'chooseVideo', kind: 'api', guide: '收集你选中的照片或视频信息' },
  { name: 'chooseMessageFile', kind: 'api', guide: '收集你选中的文件' },
  { name: 'chooseInvoiceTitle', kind: 'api', guide: '收集你的发票信息' },
  { name: 'getWeRunData', kind: 'api', guide: '收集你的微信运动步数' },
  { name: 'addPhoneContact', kind: 'api', guide: '使用你的通讯录（仅写入）权限' },
  { name: 'addPhoneCalendar', kind: 'api', guide: '使用你的日历（仅写入）权限' },
  { name: 'startRecord', kind: 'api', guide: '访问你的麦克风' },
  { name: 'getUserProfile', kind: 'api', guide: '收集你的微信昵称、头像' },
  { name: 'getPhoneNumber', kind: 'button-open-type', guide: '收集你的手机号' },
  { name: 'getRealtimePhoneNumber', kind: 'button-open-type', guide: '收集你的手机号' },
  { name: 'chooseAvatar', kind: 'button-open-type', guide: '收集你的微信昵称、头像' },
];

/** Every privacy API or component used in this source text (one file). Comments are not calls. */
export function privacyApisIn(source: string): PrivacyApi[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return PRIVACY_APIS.filter((api) =>
    api.kind === 'api'
      ? new RegExp(`\\b(?:Taro|wx)\\s*\\.\\s*${api.name}\\b`).test(code)
      : new RegExp(`open-?[tT]ype\\s*=\\s*\\{?\\s*["'\`]${api.name}["'\`]`).test(code),
  );
}

export interface AppDeclarations {
  requiredPrivateInfos?: string[];
  permission?: Record<string, { desc?: string }>;
}

/** What a used API lacks in app.json: a requiredPrivateInfos entry, a permission scope with a reason. */
export function missingDeclarations(used: readonly PrivacyApi[], app: AppDeclarations): string[] {
  const missing: string[] = [];
  for (const api of used) {
    if (api.requiredPrivateInfo && !app.requiredPrivateInfos?.includes(api.requiredPrivateInfo))
      missing.push(`${api.name}: requiredPrivateInfos must list "${api.requiredPrivateInfo}"`);
    if (api.permissionScope && !app.permission?.[api.permissionScope]?.desc)
      missing.push(`${api.name}: permission["${api.permissionScope}"].desc is required`);
  }
  return missing;
}
