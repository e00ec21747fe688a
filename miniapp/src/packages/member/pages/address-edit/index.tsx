import { Input, Picker, Switch, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ADDRESS_LIMITS, type AddressInput } from '@tidepool/shared';
import { ErrorState, LoadingState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { toApiError } from '@/services/api-error';
import { createAddress, deleteAddress, getAddress, updateAddress } from '@/services/api/addresses.api';
import {
  type AddressFormErrors,
  type AddressFormField,
  EMPTY_ADDRESS_INPUT,
  firstAddressFormError,
  normaliseAddressInput,
  toAddressInput,
  validateAddressInput,
} from '@/services/address-book';
import { toast } from '@/utils/toast';
import { colors } from '@/styles/tokens';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

function parsePrefill(raw: string | undefined): AddressInput | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(decodeURIComponent(raw)) as Partial<AddressInput>;
    return { ...EMPTY_ADDRESS_INPUT, ...value };
  } catch {
    return null;
  }
}

/** 新增 / 编辑收货地址: `?id=` edits one, `?prefill=` starts from an address imported from WeChat. */
export default function AddressEditPage() {
  const router = useRouter();
  const id = /^\d+$/.test(router.params.id ?? '') ? Number(router.params.id) : null;
  const existing = useAsync(() => (id === null ? Promise.resolve(null) : getAddress(id)), [id]);

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: id === null ? '新增收货地址' : '编辑收货地址' }).catch(() => undefined);
  }, [id]);

  if (id !== null) {
    if (existing.state.status === 'error') {
      return <ErrorState error={existing.state.error} onRetry={() => void existing.reload()} />;
    }
    if (!existing.state.data) return <LoadingState variant="list" />;
    return <AddressEditor id={id} initial={toAddressInput(existing.state.data)} />;
  }
  return <AddressEditor id={null} initial={parsePrefill(router.params.prefill) ?? EMPTY_ADDRESS_INPUT} />;
}

interface FieldSpec {
  field: AddressFormField;
  label: string;
  placeholder: string;
  max: number;
  type?: 'text' | 'number';
}

const PERSON_FIELDS: readonly FieldSpec[] = [
  { field: 'recipientName', label: '收货人', placeholder: '姓名', max: ADDRESS_LIMITS.recipientNameMax },
  { field: 'phone', label: '手机号', placeholder: '11 位手机号', max: 13, type: 'number' },
];
const REGION_FIELDS: readonly FieldSpec[] = [
  { field: 'province', label: '省', placeholder: '省份', max: ADDRESS_LIMITS.regionPartMax },
  { field: 'city', label: '市', placeholder: '城市', max: ADDRESS_LIMITS.regionPartMax },
  { field: 'district', label: '区', placeholder: '区县', max: ADDRESS_LIMITS.regionPartMax },
];

function AddressEditor({ id, initial }: { id: number | null; initial: AddressInput }) {
  const [value, setValue] = useState<AddressInput>(initial);
  const [errors, setErrors] = useState<AddressFormErrors>({});
  const [saving, setSaving] = useState(false);
  const set = (field: keyof AddressInput, v: string | boolean) => setValue((prev) => ({ ...prev, [field]: v }));

  const save = async () => {
    if (saving) return;
    const found = validateAddressInput(value);
    setErrors(found);
    const problem = firstAddressFormError(found);
    if (problem) {
      toast(problem);
      return;
    }
    setSaving(true);
    try {
      const input = normaliseAddressInput(value);
      if (id === null) await createAddress(input);
      else await updateAddress(id, input);
      toast('已保存');
      Taro.navigateBack().catch(() => undefined);
    } catch (error) {
      const apiError = toApiError(error);
      // The server names the field it refused: show it there too.
      const fieldErrors: AddressFormErrors = {};
      for (const d of apiError.details ?? []) fieldErrors[d.field as AddressFormField] = '请检查此项';
      setErrors(fieldErrors);
      toast(apiError.message);
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (id === null) return;
    const { confirm } = await Taro.showModal({
      title: '删除地址',
      content: '确定删除这个收货地址吗？',
      confirmText: '删除',
      confirmColor: colors.danger,
    }).catch(() => ({ confirm: false }));
    if (!confirm) return;
    try {
      await deleteAddress(id);
      toast('已删除');
      Taro.navigateBack().catch(() => undefined);
    } catch (error) {
      toast(toApiError(error).message);
    }
  };

  const row = ({ field, label, placeholder, max, type = 'text' }: FieldSpec) => (
    <View key={field} className={`address-field ${errors[field] ? 'address-field--error' : ''}`}>
      <View className="address-field__row">
        <Text className="address-field__label">{label}</Text>
        <Input
          className={`address-field__input address-input-${field}`}
          type={type}
          maxlength={max}
          placeholder={placeholder}
          value={String(value[field] ?? '')}
          onInput={(e) => set(field, e.detail.value)}
        />
      </View>
      {errors[field] ? <Text className="address-field__error address-field-error">{errors[field]}</Text> : null}
    </View>
  );

  return (
    <View className="address-edit-page">
      <View className="address-card">
        {PERSON_FIELDS.map(row)}
        <View className="address-field__group-head">
          <Text className="address-field__group-title">所在地区</Text>
          {IS_WEAPP ? (
            <Picker
              mode="region"
              value={[value.province, value.city, value.district]}
              onChange={(e) => {
                const [province = '', city = '', district = ''] = e.detail.value;
                setValue((prev) => ({ ...prev, province, city, district }));
              }}
            >
              <Text className="address-field__pick">选择省市区 ›</Text>
            </Picker>
          ) : null}
        </View>
        {REGION_FIELDS.map(row)}
        {row({ field: 'detail', label: '详细地址', placeholder: '街道、门牌号、楼层', max: ADDRESS_LIMITS.detailMax })}
        <View className="address-field address-field__row address-default">
          <Text className="address-field__label">设为默认</Text>
          <Switch
            className="address-default-switch"
            checked={value.isDefault === true}
            color={colors.primary}
            onChange={(e) => set('isDefault', e.detail.value)}
          />
        </View>
      </View>

      <View
        className={`btn btn--primary btn--block address-save save-address ${saving ? 'btn--disabled' : ''}`}
        onClick={() => void save()}
      >
        {saving ? '保存中…' : '保存'}
      </View>
      {id !== null ? (
        <View className="btn btn--ghost btn--block address-delete delete-this-address" onClick={() => void remove()}>
          删除地址
        </View>
      ) : null}
    </View>
  );
}
