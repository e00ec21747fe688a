import { Text, View } from '@tarojs/components';
import { EmptyState } from '@/components/state-view';
import { useAppStore } from '@/stores';
import { selectCartCount } from '@/stores/selectors';
import { ROUTES, switchTab } from '@/utils/routes';
import './index.scss';

export default function CartPage() {
  const count = useAppStore(selectCartCount);

  return (
    <View className="cart-page">
      {count === 0 ? (
        <View className="cart-empty">
          <EmptyState
            title="购物车还是空的"
            description="去挑几件喜欢的好物吧"
            actionText="去逛逛"
            onAction={() => switchTab(ROUTES.home)}
          />
        </View>
      ) : (
        <View className="cart-pending">
          <Text className="cart-pending__text">已加入 {count} 件商品，结算功能即将上线</Text>
        </View>
      )}
    </View>
  );
}
