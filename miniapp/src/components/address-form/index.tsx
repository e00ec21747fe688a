import { Input, Text, View } from '@tarojs/components';
import type { ShippingAddress } from '@tidepool/shared';
import { ADDRESS_LIMITS, type AddressErrors, type AddressField } from '@/utils/address';

export interface AddressFormProps {
  value: ShippingAddress;
  onChange: (value: ShippingAddress) => void;
  /** Shown under each field (after a submit was tried). */
  errors: AddressErrors;
  disabled?: boolean;
}

interface FieldSpec {
  field: AddressField;
  label: string;
  placeholder: string;
  type: 'text' | 'number';
  hook: string;
}

const FIELDS: readonly FieldSpec[] = [
  { field: 'recipientName', label: '收货人', placeholder: '姓名', type: 'text', hook: 'address-name' },
  { field: 'phone', label: '手机号', placeholder: '11 位手机号', type: 'number', hook: 'address-phone' },
  {
    field: 'region',
    label: '所在地区',
    placeholder: '省 市 区，如 上海市 静安区',
    type: 'text',
    hook: 'address-region',
  },
  { field: 'detail', label: '详细地址', placeholder: '街道、门牌号、楼层', type: 'text', hook: 'address-detail' },
];

/** 快递配送's address: four fields, each with its own error line. */
export function AddressForm({ value, onChange, errors, disabled = false }: AddressFormProps) {
  return (
    <View className="address-form">
      {FIELDS.map(({ field, label, placeholder, type, hook }) => (
        <View key={field} className={`address-form__item ${errors[field] ? 'address-form__item--error' : ''}`}>
          <View className="form-row address-form__row">
            <Text className="form-row__label">{label}</Text>
            <Input
              className={`form-row__input ${hook}`}
              type={type}
              maxlength={ADDRESS_LIMITS[field]}
              placeholder={placeholder}
              value={value[field]}
              disabled={disabled}
              onInput={(e) => onChange({ ...value, [field]: e.detail.value })}
            />
          </View>
          {errors[field] ? <Text className="address-form__error address-error">{errors[field]}</Text> : null}
        </View>
      ))}
    </View>
  );
}
