import { Text, View } from '@tarojs/components';
import { navigateTo, ROUTES } from '@/utils/routes';
import './index.scss';

export interface SearchEntryProps {
  placeholder?: string;
  className?: string;
}

/** The search box on 首页 and 分类: a tap opens the search page (recent and hot keywords, results). */
export function SearchEntry({ placeholder = '搜索商品', className = '' }: SearchEntryProps) {
  return (
    <View className={`search-entry ${className}`} onClick={() => navigateTo(ROUTES.productSearch)}>
      <View className="search-entry__box">
        <View className="search-entry__icon" />
        <Text className="search-entry__placeholder">{placeholder}</Text>
      </View>
    </View>
  );
}
