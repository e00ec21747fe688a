import { beforeEach, describe, expect, it, vi } from 'vitest';
import { storage } from '@/test-support/fake-taro';

vi.mock('@tarojs/taro', async () => (await import('@/test-support/fake-taro')).taroModule);

import {
  MAX_RECENT_SEARCHES,
  RECENT_SEARCHES_KEY,
  clearRecentSearches,
  normaliseKeyword,
  readRecentSearches,
  rememberSearch,
  withRecent,
} from './recent-searches';

describe('recent searches', () => {
  beforeEach(() => storage.clear());

  it('keeps the newest first and each keyword once', () => {
    rememberSearch('蜡烛');
    rememberSearch('公仔');
    expect(rememberSearch('  蜡烛 ')).toEqual(['蜡烛', '公仔']);
    expect(readRecentSearches()).toEqual(['蜡烛', '公仔']);
  });

  it(`keeps at most ${MAX_RECENT_SEARCHES}, dropping the oldest`, () => {
    for (let i = 1; i <= 12; i++) rememberSearch(`词${i}`);
    const list = readRecentSearches();
    expect(list).toHaveLength(MAX_RECENT_SEARCHES);
    expect(list[0]).toBe('词12');
    expect(list).not.toContain('词1');
    expect(list).not.toContain('词2');
  });

  it('ignores blank keywords and normalises blanks and length', () => {
    expect(rememberSearch('   ')).toEqual([]);
    expect(normaliseKeyword('  香薰   蜡烛 ')).toBe('香薰 蜡烛');
    expect(normaliseKeyword('长'.repeat(40))).toHaveLength(32);
    expect(withRecent(['a'], '')).toEqual(['a']);
  });

  it('clears everything', () => {
    rememberSearch('蜡烛');
    clearRecentSearches();
    expect(readRecentSearches()).toEqual([]);
    expect(storage.has(RECENT_SEARCHES_KEY)).toBe(false);
  });

  it('survives junk in storage (not JSON, not a list, duplicates, too many)', () => {
    storage.set(RECENT_SEARCHES_KEY, '{not json');
    expect(readRecentSearches()).toEqual([]);
    storage.set(RECENT_SEARCHES_KEY, JSON.stringify({ a: 1 }));
    expect(readRecentSearches()).toEqual([]);
    storage.set(
      RECENT_SEARCHES_KEY,
      JSON.stringify(['a', 3, 'b', 'a', ...Array.from({ length: 15 }, (_, i) => `x${i}`)]),
    );
    const list = readRecentSearches();
    expect(list.slice(0, 2)).toEqual(['a', 'b']);
    expect(list).toHaveLength(MAX_RECENT_SEARCHES);
    expect(new Set(list).size).toBe(list.length);
  });
});
