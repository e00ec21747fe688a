import { REFERRAL_QUERY_KEY, REFERRAL_TOKEN_PATTERN, type ShareTargetType } from '@tidepool/shared';
import { REFERRAL_QUERY_KEYS } from './referral-token';

export type SharePathParams = Record<string, string | number | null | undefined>;

/**
 * The path a share card opens (`onShareAppMessage` → `path`): the page, its own parameters and `rt=<token>`.
 * A referral key already in `params` is dropped (a promoter re-sharing a card they were sent shares their own
 * token, not the sender's); an invalid token is left out, so the card still opens the page, unreferred.
 */
export function buildSharePath(pagePath: string, params: SharePathParams = {}, token?: string | null): string {
  const path = pagePath.startsWith('/') ? pagePath : `/${pagePath}`;
  const pairs = Object.entries(params)
    .filter(([key, value]) => !(REFERRAL_QUERY_KEYS as readonly string[]).includes(key) && value !== undefined)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  if (token && REFERRAL_TOKEN_PATTERN.test(token)) pairs.push(`${REFERRAL_QUERY_KEY}=${token}`);
  return pairs.length > 0 ? `${path}?${pairs.join('&')}` : path;
}

/**
 * The query of a 朋友圈 (timeline) share (`onShareTimeline` → `query`: the same page opens with it): the page's own
 * parameters and the referral token, by the same rules as the card's path.
 */
export function buildShareQuery(params: SharePathParams = {}, token?: string | null): string {
  const path = buildSharePath('/', params, token);
  const at = path.indexOf('?');
  return at < 0 ? '' : path.slice(at + 1);
}

/** Pages a share of each target opens. DROP pages pass their own path (see `buildSharePath`). */
export const SHARE_PAGES = {
  PRODUCT: '/packages/product/pages/detail/index',
  STORE: '/pages/index/index',
} as const;

/** The share path of a product or the store home page. */
export function shareTargetPath(
  target: { targetType: Exclude<ShareTargetType, 'DROP'>; targetId?: number | null },
  token?: string | null,
): string {
  switch (target.targetType) {
    case 'PRODUCT':
      return buildSharePath(SHARE_PAGES.PRODUCT, { id: target.targetId ?? undefined }, token);
    case 'STORE':
      return buildSharePath(SHARE_PAGES.STORE, {}, token);
  }
}
