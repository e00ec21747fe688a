import { REFERRAL_QUERY_KEY, REFERRAL_TOKEN_PATTERN } from '@tidepool/shared';

/**
 * Where a referral token can arrive: `rt` (our share cards and links), `ref` (hand-written links) and `scene` (the
 * mini program code from wxacode.getUnlimited, whose scene is the bare token, URL-encoded by WeChat).
 */
export const REFERRAL_QUERY_KEYS = [REFERRAL_QUERY_KEY, 'ref', 'scene'] as const;

function decodeOnce(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The token in one query value, or null. Decodes up to twice (WeChat hands `scene` over encoded, and links that were
 * shared twice end up double-encoded); a `scene` written as `rt=TOKEN&…` is read by key. Anything that is not
 * 1-32 letters and digits is not a token: a forged value is dropped here, never sent, never shown as an error.
 */
export function normaliseReferralToken(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  let value = raw.trim();
  for (let i = 0; i < 2 && value.includes('%'); i++) value = decodeOnce(value).trim();
  if (value.includes('=')) {
    const pairs = value.split('&').map((pair) => pair.split('='));
    const hit = pairs.find(([key]) => (REFERRAL_QUERY_KEYS as readonly string[]).includes(key ?? ''));
    value = hit?.[1] ?? '';
  }
  return REFERRAL_TOKEN_PATTERN.test(value) ? value : null;
}

/** The first token found in a page or launch query (`rt`, then `ref`, then `scene`). */
export function referralTokenFromQuery(query: Record<string, unknown> | null | undefined): string | null {
  if (!query) return null;
  for (const key of REFERRAL_QUERY_KEYS) {
    const token = normaliseReferralToken(query[key]);
    if (token) return token;
  }
  return null;
}

/** The token in a URL or a path with a query (`/packages/product/pages/detail/index?id=3&rt=abc`). */
export function referralTokenFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const query: Record<string, string> = {};
  const queryPart = url.split('#')[0]?.split('?')[1] ?? '';
  for (const pair of queryPart.split('&')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const key = decodeOnce(pair.slice(0, at));
    if (!(key in query)) query[key] = pair.slice(at + 1);
  }
  return referralTokenFromQuery(query);
}
