import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { fen, formatOrderPickupCode, normaliseOrderPickupCode, type OrderPickupView } from '@tidepool/shared';
import { Price } from '@/components/price';
import { handOverOrderPickup, lookUpOrderPickup } from '@/services/api/store-mode.api';
import { toApiError } from '@/services/api-error';
import { resolveAssetUrl } from '@/services/asset-url';
import { useAppStore } from '@/stores';
import { selectStaffSession } from '@/stores/selectors';
import { formatDate, formatTime } from '@/utils/date';
import { redirectTo, ROUTES } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { colors } from '@/styles/tokens';
import { CodeEntry } from '../../components/code-entry';
import '../../store.scss';
import './index.scss';

/**
 * 核销自提: the cashier scans (weapp) or types the shopper's 12-digit pickup code, sees the order's goods, and hands
 * them over with one confirmed tap. Only orders for this cashier's store are shown; another store's code is
 * refused with the store's name, and a code already used says when and where.
 */
export default function StorePickupPage() {
  const staff = useAppStore(selectStaffSession);
  const [input, setInput] = useState('');
  const [order, setOrder] = useState<OrderPickupView | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'lookup' | 'handover' | null>(null);

  useEffect(() => {
    if (!staff) redirectTo(ROUTES.storeLogin);
  }, [staff]);

  const lookUp = async (raw: string) => {
    if (busy) return;
    const normalised = normaliseOrderPickupCode(raw);
    if (!normalised) {
      setError('请输入 12 位数字自提码');
      return;
    }
    setBusy('lookup');
    setError(null);
    setOrder(null);
    try {
      setOrder(await lookUpOrderPickup(normalised));
      setCode(normalised);
      setInput('');
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(null);
    }
  };

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] });
      await lookUp(res.result);
    } catch {
      // Cancelled by the cashier: nothing to do.
    }
  };

  const handOver = async () => {
    if (!order || !code || busy) return;
    const units = order.lines.reduce((n, l) => n + l.quantity, 0);
    const { confirm } = await Taro.showModal({
      title: '确认提货',
      content: `请核对商品（共 ${units} 件）已交给顾客，确认后不可撤销。`,
      confirmText: '确认提货',
      cancelText: '取消',
      confirmColor: colors.primary,
    }).catch(() => ({ confirm: false }));
    if (!confirm) return;
    setBusy('handover');
    setError(null);
    try {
      setOrder(await handOverOrderPickup(code));
      toast('核销成功');
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(null);
    }
  };

  if (!staff) return <View className="store-page" />;
  const waiting = order?.state === 'PAID';

  return (
    <View className="store-page store-pickup">
      <CodeEntry
        block="store-pickup"
        title="核销自提"
        scanText="扫描自提码"
        onScan={() => void scan()}
        digits={12}
        codeName="自提码"
        maxlength={14}
        value={input}
        onInput={setInput}
        onLookUp={() => void lookUp(input)}
        inputClassName="order-pickup-input"
        buttonClassName="order-pickup-lookup"
        looking={busy === 'lookup'}
        disabled={busy !== null}
      />

      {error ? <Text className="store-error order-pickup-error">{error}</Text> : null}

      {order ? (
        <View className="panel store-pickup__order order-pickup-result">
          <View className="store-pickup__head">
            <Text className="store-pickup__code">{`自提码 ${formatOrderPickupCode(code ?? '')}`}</Text>
            <Text className={`store-pickup__state order-pickup-state ${waiting ? '' : 'store-pickup__state--done'}`}>
              {waiting ? '待提货' : order.pickedUpAt ? '已提货' : '不可提货'}
            </Text>
          </View>
          <Text className="store-pickup__meta">
            {`订单 ${order.orderNo} · ${order.memberPhoneMasked ?? '会员'} · ${order.storeName}`}
          </Text>
          {order.lines.map((line, i) => (
            <View key={i} className="store-pickup__line order-pickup-line">
              <Image className="store-pickup__image" src={resolveAssetUrl(line.imageUrl)} mode="aspectFill" />
              <View className="store-pickup__info">
                <Text className="store-pickup__name">{line.productName}</Text>
                {line.specText ? <Text className="store-pickup__spec">{line.specText}</Text> : null}
                {line.refundState !== 'NONE' ? (
                  <Text className="store-pickup__refund">
                    {line.refundState === 'REFUNDED' ? '已退款，无需交付' : '退款处理中'}
                  </Text>
                ) : null}
              </View>
              <Text className="store-pickup__qty order-pickup-qty">{`× ${line.quantity}`}</Text>
            </View>
          ))}
          <View className="store-pickup__sum">
            <Text>实付</Text>
            <Price fen={fen(order.payableFen)} size="sm" />
          </View>
          {order.pickedUpAt ? (
            <Text className="store-pickup__done order-picked-up-at">
              {`已于 ${formatDate(order.pickedUpAt)} ${formatTime(order.pickedUpAt)} 提货`}
            </Text>
          ) : null}
          {waiting ? (
            <View
              className={`btn btn--primary btn--block order-pickup-handover ${busy ? 'btn--disabled' : ''}`}
              onClick={() => void handOver()}
            >
              {busy === 'handover' ? '核销中…' : '确认提货'}
            </View>
          ) : (
            <View
              className="btn btn--outline btn--block store-pickup__next"
              onClick={() => {
                setOrder(null);
                setCode(null);
              }}
            >
              下一位
            </View>
          )}
        </View>
      ) : null}
    </View>
  );
}
