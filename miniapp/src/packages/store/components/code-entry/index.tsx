import { Input, Text, View } from '@tarojs/components';
import { isH5 } from '@/services/env';

export interface CodeEntryProps {
  /** The page's BEM block: the panel, camera button, entry row and input are its `__panel`, `__camera`, … */
  block: string;
  title: string;
  /** What the camera button says (weapp only: H5 has no scanner). */
  scanText: string;
  onScan: () => void;
  /** How many digits the code has, for the placeholder and the input's limit. */
  digits: number;
  /** The code's name in the placeholder (会员码, 自提码). */
  codeName: string;
  /** The input's maxlength: room for spaces a cashier may type between groups of digits. */
  maxlength: number;
  value: string;
  onInput: (value: string) => void;
  onLookUp: () => void;
  /** Extra classes that tests find the input and the button by. */
  inputClassName: string;
  buttonClassName: string;
  /** A look-up is in flight (the button says 查询中). */
  looking: boolean;
  disabled: boolean;
}

/** The store pages' code panel: scan a code with the camera, or type it and look it up. */
export function CodeEntry(props: CodeEntryProps) {
  const { block } = props;
  return (
    <View className={`panel ${block}__panel`}>
      <Text className="panel__title">{props.title}</Text>
      {isH5() ? null : (
        <View className={`btn btn--primary btn--block ${block}__camera`} onClick={props.onScan}>
          {props.scanText}
        </View>
      )}
      <View className={`${block}__entry`}>
        <Input
          className={`${block}__input ${props.inputClassName}`}
          type="number"
          maxlength={props.maxlength}
          placeholder={
            isH5()
              ? `输入顾客的 ${props.digits} 位${props.codeName}`
              : `扫不出来？手动输入 ${props.digits} 位${props.codeName}`
          }
          value={props.value}
          onInput={(e) => props.onInput(e.detail.value)}
          onConfirm={props.onLookUp}
        />
        <View
          className={`btn btn--primary btn--small ${props.buttonClassName} ${props.disabled ? 'btn--disabled' : ''}`}
          onClick={props.onLookUp}
        >
          {props.looking ? '查询中' : '查询'}
        </View>
      </View>
    </View>
  );
}
