import { Text, View } from '@tarojs/components';
import './index.scss';

export interface QuantityStepperProps {
  value: number;
  /** The most that may be chosen (stock and the per-order limit, whichever is lower); below `min` disables it. */
  max: number;
  min?: number;
  disabled?: boolean;
  onChange: (value: number) => void;
  /** Told why a tap did nothing at a bound ("库存仅剩 3 件"). */
  onLimit?: (bound: 'min' | 'max') => void;
}

/** − n +, clamped to min..max (the order API takes 1..99 per line). */
export function QuantityStepper({ value, max, min = 1, disabled = false, onChange, onLimit }: QuantityStepperProps) {
  const off = disabled || max < min;
  const canDec = !off && value > min;
  const canInc = !off && value < max;
  return (
    <View className={`qty-stepper ${off ? 'qty-stepper--disabled' : ''}`}>
      <View
        className={`qty-stepper__btn qty-stepper__minus ${canDec ? '' : 'qty-stepper__btn--off'}`}
        onClick={() => (canDec ? onChange(value - 1) : !off && onLimit?.('min'))}
      >
        −
      </View>
      <Text className="qty-stepper__value quantity-value">{value}</Text>
      <View
        className={`qty-stepper__btn qty-stepper__plus ${canInc ? '' : 'qty-stepper__btn--off'}`}
        onClick={() => (canInc ? onChange(value + 1) : !off && onLimit?.('max'))}
      >
        +
      </View>
    </View>
  );
}
