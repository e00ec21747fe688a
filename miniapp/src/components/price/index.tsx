import { Text, View } from '@tarojs/components';
import { formatFen, type Fen } from '@tidepool/shared';
import './index.scss';

export interface PriceProps {
  /** The price to show, in fen. */
  fen: Fen;
  /** A strike-through original price; hidden when null/undefined or not above `fen`. */
  originalFen?: Fen | null;
  size?: 'sm' | 'md' | 'lg';
  /** Extra class on the current price (e2e hooks: product-price, detail-price). */
  className?: string;
  /** Extra class on the original price. */
  originalClassName?: string;
}

/** Every price in the app goes through here, and through `formatFen`. */
export function Price({ fen, originalFen = null, size = 'md', className = '', originalClassName = '' }: PriceProps) {
  const showOriginal = originalFen !== null && originalFen > fen;
  return (
    <View className={`price price--${size}`}>
      <Text className={`price__current ${className}`.trim()}>{formatFen(fen)}</Text>
      {showOriginal ? (
        <Text className={`price__original ${originalClassName}`.trim()}>{formatFen(originalFen)}</Text>
      ) : null}
    </View>
  );
}
