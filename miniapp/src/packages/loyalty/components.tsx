import { Text, View } from '@tarojs/components';

/** A points amount as a price: "300 积分". */
export function PointsPrice({
  points,
  size = 'md',
  className = '',
}: {
  points: number;
  size?: 'md' | 'lg';
  className?: string;
}) {
  return (
    <View className={`points-price points-price--${size} ${className}`.trim()}>
      <Text className="points-price__value">{points}</Text>
      <Text className="points-price__unit">积分</Text>
    </View>
  );
}

/** Few units left is worth saying; none left is 已兑完. */
export function StockTag({ stock }: { stock: number }) {
  if (stock <= 0) return <Text className="stock-tag stock-tag--out gift-stock">已兑完</Text>;
  if (stock <= 10) return <Text className="stock-tag stock-tag--low gift-stock">{`仅剩 ${stock} 件`}</Text>;
  return <Text className="stock-tag gift-stock">{`库存 ${stock}`}</Text>;
}
