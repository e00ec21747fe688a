import { Text, View } from '@tarojs/components';

export interface InfoRowProps {
  label: string;
  value: string;
  /** A class that tests find the value by. */
  valueClassName?: string;
  /** Long-press copies the value (order and after-sale numbers). */
  copyable?: boolean;
}

/** One small label–value line of an order or after-sale info card (订单编号, 下单时间, …). */
export function InfoRow({ label, value, valueClassName, copyable = false }: InfoRowProps) {
  return (
    <View className="order-row order-row--small">
      <Text className="order-row__label">{label}</Text>
      <Text
        className={valueClassName ? `order-row__value ${valueClassName}` : 'order-row__value'}
        userSelect={copyable}
      >
        {value}
      </Text>
    </View>
  );
}
