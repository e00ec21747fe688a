import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ADDRESS_LIMITS, type AddressView } from '@tidepool/shared';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { toApiError } from '@/services/api-error';
import { deleteAddress, listAddresses, setDefaultAddress } from '@/services/api/addresses.api';
import { fromWechatAddress, rememberCheckoutAddress } from '@/services/address-book';
import { navigateTo, ROUTES } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { colors } from '@/styles/tokens';
import { useRefreshOnShow } from '@/hooks/use-page-refresh';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * 收货地址: the address book. `?select=<checkout key>` (from checkout) makes a tap pick the address for that
 * checkout and go back; `selected=<id>` marks the current pick.
 */
export default function AddressesPage() {
  const router = useRouter();
  const selectFor = router.params.select ? decodeURIComponent(router.params.select) : null;
  const selectedId = Number(router.params.selected ?? 0);
  const { state, reload } = useAsync(listAddresses, []);
  const [busy, setBusy] = useState(false);
  // Back from adding or editing: read the book again.
  useRefreshOnShow(reload);

  const act = async (work: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      await work();
      toast(done);
      await reload();
    } catch (error) {
      toast(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  const onDelete = async (address: AddressView) => {
    const { confirm } = await Taro.showModal({
      title: '删除地址',
      content: `确定删除${address.recipientName}的地址「${address.region} ${address.detail}」吗？`,
      confirmText: '删除',
      confirmColor: colors.danger,
    }).catch(() => ({ confirm: false }));
    if (confirm) await act(() => deleteAddress(address.id), '已删除');
  };

  const onPick = (address: AddressView) => {
    if (!selectFor) return;
    rememberCheckoutAddress(selectFor, address.id);
    Taro.navigateBack().catch(() => undefined);
  };

  const book = state.data ?? [];
  const full = book.length >= ADDRESS_LIMITS.maxPerMember;

  /** 从微信导入 (weapp): WeChat's address picker; the shopper checks the result on the edit page before saving. */
  const importFromWechat = async () => {
    try {
      const result = await Taro.chooseAddress();
      const prefill = encodeURIComponent(JSON.stringify(fromWechatAddress(result)));
      navigateTo(`${ROUTES.addressEdit}?prefill=${prefill}`);
    } catch (error) {
      const message = (error as { errMsg?: string } | null)?.errMsg ?? '';
      // Closing the picker is not an error.
      if (/cancel/i.test(message)) return;
      console.warn('[address] chooseAddress failed', message);
      toast(/auth|deny|privacy/i.test(message) ? '未获得微信地址权限，请手动填写' : '导入失败，请手动填写');
    }
  };

  const addNew = () => {
    if (full) {
      toast(`最多保存 ${ADDRESS_LIMITS.maxPerMember} 个地址，请先删除不用的地址`);
      return;
    }
    navigateTo(ROUTES.addressEdit);
  };

  let body;
  if (state.status === 'error' && !state.data) body = <ErrorState error={state.error} onRetry={() => void reload()} />;
  else if (!state.data) body = <LoadingState variant="list" />;
  else if (book.length === 0) body = <EmptyState title="还没有收货地址" description="添加一个地址，下单时自动带出" />;
  else
    body = (
      <View className="address-list">
        {book.map((address) => (
          <View
            key={address.id}
            className={`address-item ${selectFor && address.id === selectedId ? 'address-item--picked' : ''}`}
            data-address-id={address.id}
          >
            <View className="address-item__main" onClick={() => onPick(address)}>
              <View className="address-item__who">
                <Text className="address-item__name">{address.recipientName}</Text>
                <Text className="address-item__phone">{address.phone}</Text>
                {address.isDefault ? <Text className="address-item__default default-badge">默认</Text> : null}
              </View>
              <Text className="address-item__text">{`${address.region} ${address.detail}`}</Text>
            </View>
            <View className="address-item__actions">
              <View
                className="address-item__radio set-default"
                onClick={() => !address.isDefault && void act(() => setDefaultAddress(address.id), '已设为默认地址')}
              >
                <View className={`address-radio ${address.isDefault ? 'address-radio--on' : ''}`} />
                <Text>{address.isDefault ? '默认地址' : '设为默认'}</Text>
              </View>
              <View className="address-item__buttons">
                <Text
                  className="address-item__btn edit-address"
                  onClick={() => navigateTo(`${ROUTES.addressEdit}?id=${address.id}`)}
                >
                  编辑
                </Text>
                <Text className="address-item__btn delete-address" onClick={() => void onDelete(address)}>
                  删除
                </Text>
              </View>
            </View>
          </View>
        ))}
        <Text className="address-list__count">{`已保存 ${book.length}/${ADDRESS_LIMITS.maxPerMember} 个地址`}</Text>
      </View>
    );

  return (
    <View className="addresses-page">
      {selectFor && book.length > 0 ? <Text className="addresses-page__tip">点击地址即可选用</Text> : null}
      {body}
      <View className="addresses-bar">
        {IS_WEAPP ? (
          <View className="btn btn--ghost addresses-bar__btn import-wechat" onClick={() => void importFromWechat()}>
            从微信导入
          </View>
        ) : null}
        <View
          className={`btn btn--primary addresses-bar__btn add-address ${full ? 'btn--disabled' : ''}`}
          onClick={addNew}
        >
          新增收货地址
        </View>
      </View>
    </View>
  );
}
