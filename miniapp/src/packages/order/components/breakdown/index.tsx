import { Text, View } from '@tarojs/components';
import { fen, formatFen, type CheckoutDiscountView } from '@tidepool/shared';
import { Price } from '@/components/price';

export interface BreakdownProps {
  subtotalFen: number;
  discounts: readonly CheckoutDiscountView[];
  payableFen: number;
  /** 应付 before payment, 实付 after. */
  payableLabel?: string;
  /** A line under the total, e.g. "本单可得 72 积分". */
  note?: string;
}

/** 商品金额, each discount line as the pricing engine labelled it, then the amount to pay. */
export function Breakdown({ subtotalFen, discounts, payableFen, payableLabel = '应付', note }: BreakdownProps) {
  return (
    <View className="breakdown">
      <View className="breakdown__row">
        <Text className="breakdown__label">商品金额</Text>
        <Text className="breakdown__value breakdown-subtotal">{formatFen(fen(subtotalFen))}</Text>
      </View>
      {discounts.map((line) => (
        <View className="breakdown__row breakdown__row--discount breakdown-discount" key={line.key}>
          <Text className="breakdown__label breakdown-discount__label">{line.label}</Text>
          <Text className="breakdown__value breakdown-discount__value">{formatFen(fen(-line.amountFen))}</Text>
        </View>
      ))}
      <View className="breakdown__total">
        <Text className="breakdown__total-label">{payableLabel}</Text>
        <Price fen={fen(payableFen)} size="lg" className="breakdown-payable" />
      </View>
      {note ? <Text className="breakdown__note breakdown-note">{note}</Text> : null}
    </View>
  );
}
