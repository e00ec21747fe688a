import Taro from '@tarojs/taro';

/** Recent searches (最近搜索) are kept on the phone only: newest first, each once, at most this many. */
export const RECENT_SEARCHES_KEY = 'tidepool-recent-searches';
export const MAX_RECENT_SEARCHES = 10;
/** The server accepts keywords up to 32 characters. */
export const MAX_KEYWORD_LENGTH = 32;

/** A keyword as searched: trimmed, inner runs of blanks as one space, cut to the server's limit. */
export function normaliseKeyword(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').slice(0, MAX_KEYWORD_LENGTH);
}

/** The list after searching `keyword`: moved (or added) to the front, never twice, never more than the cap. */
export function withRecent(list: readonly string[], keyword: string): string[] {
  const kw = normaliseKeyword(keyword);
  if (!kw) return [...list];
  return [kw, ...list.filter((item) => item !== kw)].slice(0, MAX_RECENT_SEARCHES);
}

export function readRecentSearches(): string[] {
  try {
    const raw: unknown = Taro.getStorageSync(RECENT_SEARCHES_KEY);
    const parsed: unknown = typeof raw === 'string' && raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    // Whatever an older build or a hand-edited storage left there: strings only, deduped, capped.
    return parsed
      .filter((v): v is string => typeof v === 'string')
      .reduceRight<string[]>((acc, kw) => withRecent(acc, kw), []);
  } catch {
    return [];
  }
}

/** Records a search and answers the new list. */
export function rememberSearch(keyword: string): string[] {
  const next = withRecent(readRecentSearches(), keyword);
  Taro.setStorageSync(RECENT_SEARCHES_KEY, JSON.stringify(next));
  return next;
}

export function clearRecentSearches(): void {
  Taro.removeStorageSync(RECENT_SEARCHES_KEY);
}
