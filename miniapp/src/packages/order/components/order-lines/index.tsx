import { Image, Text, View } from '@tarojs/components';
import { fen } from '@tidepool/shared';
import { Price } from '@/components/price';
import { resolveAssetUrl } from '@/services/asset-url';

/** What a line shows; both a quote's lines and an order's lines have it. */
export interface OrderLineItem {
  skuId: number;
  productId: number;
  productName: string;
  specText: string;
  imageUrl: string;
  unitPriceFen: number;
  quantity: number;
}

export interface OrderLinesProps {
  lines: readonly OrderLineItem[];
  onOpen?: (line: OrderLineItem) => void;
}

/** The goods of a checkout or an order: cover, name, spec, unit price and quantity. */
export function OrderLines({ lines, onOpen }: OrderLinesProps) {
  return (
    <View className="order-lines">
      {lines.map((line) => (
        <View className="order-line" key={line.skuId} onClick={onOpen ? () => onOpen(line) : undefined}>
          <Image className="order-line__img" src={resolveAssetUrl(line.imageUrl)} mode="aspectFill" lazyLoad />
          <View className="order-line__main">
            <Text className="order-line__name order-line-name">{line.productName}</Text>
            {line.specText ? <Text className="order-line__spec order-line-spec">{line.specText}</Text> : null}
          </View>
          <View className="order-line__side">
            <Price fen={fen(line.unitPriceFen)} size="sm" className="order-line-price" />
            <Text className="order-line__qty order-line-qty">{`×${line.quantity}`}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
