import { useCallback, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import type { ProductSummaryDto } from '@tidepool/shared';
import { ListFooter } from '@/components/list-footer';
import { ProductGrid } from '@/components/product-grid';
import { ErrorState, LoadingState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { usePagedList } from '@/hooks/use-paged-list';
import { useStorefrontSettings } from '@/hooks/use-promotions';
import { listProducts } from '@/services/api/catalog.api';
import {
  clearRecentSearches,
  MAX_KEYWORD_LENGTH,
  normaliseKeyword,
  readRecentSearches,
  rememberSearch,
} from '@/services/recent-searches';
import { openProduct } from '@/utils/routes';
import { colors } from '@/styles/tokens';
import './index.scss';

const PAGE_SIZE = 10;

function initialKeyword(raw: string | undefined): string {
  try {
    return normaliseKeyword(decodeURIComponent(raw ?? ''));
  } catch {
    return '';
  }
}

/** 搜索: recent searches (on the phone) and hot keywords (the operator's), then results with load-more. */
export default function SearchPage() {
  const router = useRouter();
  const [draft, setDraft] = useState(() => initialKeyword(router.params.keyword));
  const [keyword, setKeyword] = useState(() => initialKeyword(router.params.keyword));
  const [recent, setRecent] = useState<string[]>(() => {
    const first = initialKeyword(router.params.keyword);
    return first ? rememberSearch(first) : readRecentSearches();
  });
  const settings = useStorefrontSettings();
  const hotKeywords = settings?.hotKeywords ?? [];

  const search = useCallback((raw: string) => {
    const kw = normaliseKeyword(raw);
    setDraft(kw);
    if (!kw) return;
    setKeyword(kw);
    setRecent(rememberSearch(kw));
  }, []);

  const onClearRecent = async () => {
    const { confirm } = await Taro.showModal({
      title: '清空最近搜索',
      content: '确定清空全部最近搜索记录吗？',
      confirmText: '清空',
      confirmColor: colors.primary,
    });
    if (!confirm) return;
    clearRecentSearches();
    setRecent([]);
  };

  return (
    <View className="search-page">
      <View className="search-head">
        <View className="search-head__box">
          <Input
            className="search-head__input search-input"
            value={draft}
            focus={!keyword}
            confirmType="search"
            maxlength={MAX_KEYWORD_LENGTH}
            placeholder="搜索商品名称"
            onInput={(e) => setDraft(e.detail.value)}
            onConfirm={(e) => search(e.detail.value)}
          />
          {draft ? (
            <View
              className="search-head__clear"
              onClick={() => {
                setDraft('');
                setKeyword('');
              }}
            >
              ×
            </View>
          ) : null}
        </View>
        <View className="search-head__submit search-submit" onClick={() => search(draft)}>
          搜索
        </View>
      </View>

      {keyword ? (
        <SearchResults key={keyword} keyword={keyword} hotKeywords={hotKeywords} onSearch={search} />
      ) : (
        <View className="search-suggest">
          {recent.length > 0 ? (
            <View className="search-section recent-searches">
              <View className="search-section__head">
                <Text className="search-section__title">最近搜索</Text>
                <Text className="search-section__action clear-recent" onClick={() => void onClearRecent()}>
                  清空
                </Text>
              </View>
              <KeywordChips keywords={recent} onTap={search} className="recent-chip" />
            </View>
          ) : null}
          {hotKeywords.length > 0 ? (
            <View className="search-section hot-keywords">
              <View className="search-section__head">
                <Text className="search-section__title">热门搜索</Text>
              </View>
              <KeywordChips keywords={hotKeywords} onTap={search} className="hot-chip" hot />
            </View>
          ) : null}
        </View>
      )}
    </View>
  );
}

interface KeywordChipsProps {
  keywords: readonly string[];
  onTap: (keyword: string) => void;
  className: string;
  hot?: boolean;
}

function KeywordChips({ keywords, onTap, className, hot = false }: KeywordChipsProps) {
  return (
    <View className="keyword-chips">
      {keywords.map((kw, i) => (
        <Text
          key={kw}
          className={`keyword-chip ${className} ${hot && i < 3 ? 'keyword-chip--hot' : ''}`}
          onClick={() => onTap(kw)}
        >
          {kw}
        </Text>
      ))}
    </View>
  );
}

interface SearchResultsProps {
  keyword: string;
  hotKeywords: readonly string[];
  onSearch: (keyword: string) => void;
}

function SearchResults({ keyword, hotKeywords, onSearch }: SearchResultsProps) {
  const list = usePagedList((page) => listProducts({ keyword, page, pageSize: PAGE_SIZE }), [keyword]);
  const onTapProduct = useCallback((product: ProductSummaryDto) => openProduct(product.id), []);
  useReachBottom(() => void list.loadMore());

  if (list.initialLoading) return <LoadingState variant="grid" />;
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.retry()} />;
  if (list.items.length === 0) {
    return <NoResults keyword={keyword} hotKeywords={hotKeywords} onSearch={onSearch} onTapProduct={onTapProduct} />;
  }
  return (
    <View className="search-results">
      <Text className="search-results__count">找到 {list.total} 件相关商品</Text>
      <ProductGrid products={list.items} onTapProduct={onTapProduct} />
      <ListFooter
        hasMore={list.hasMore}
        loadingMore={list.loadingMore}
        error={list.moreError}
        onLoadMore={() => void list.loadMore()}
      />
    </View>
  );
}

interface NoResultsProps {
  keyword: string;
  hotKeywords: readonly string[];
  onSearch: (keyword: string) => void;
  onTapProduct: (product: ProductSummaryDto) => void;
}

/** Nothing found: suggest the hot keywords and show what sells (the first page of the shelf). */
function NoResults({ keyword, hotKeywords, onSearch, onTapProduct }: NoResultsProps) {
  const popular = useAsync(() => listProducts({ page: 1, pageSize: 4 }), []);
  const suggestions = hotKeywords.filter((kw) => kw !== keyword);
  return (
    <View className="search-empty">
      <View className="search-empty__head">
        <Text className="search-empty__title search-empty-title">没有找到“{keyword}”相关的商品</Text>
        <Text className="search-empty__text">换个词试试，或看看大家都在搜的</Text>
      </View>
      {suggestions.length > 0 ? (
        <View className="search-section">
          <View className="search-section__head">
            <Text className="search-section__title">热门搜索</Text>
          </View>
          <KeywordChips keywords={suggestions} onTap={onSearch} className="hot-chip suggest-chip" hot />
        </View>
      ) : null}
      {popular.state.data && popular.state.data.items.length > 0 ? (
        <View className="search-section search-popular">
          <View className="search-section__head">
            <Text className="search-section__title">为你推荐</Text>
          </View>
          <ProductGrid products={popular.state.data.items} onTapProduct={onTapProduct} />
        </View>
      ) : null}
    </View>
  );
}
