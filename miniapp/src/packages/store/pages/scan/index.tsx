import { Image, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import {
  type GiftPickupResult,
  normalisePickupCode,
  parseMemberCode,
  type StoreMemberSummary,
  type VoucherView,
} from '@tidepool/shared';
import { VoucherCard } from '@/components/voucher-card';
import { pickUpGift } from '@/services/api/points-mall.api';
import { redeemVoucher, refreshScan, scanMemberCode } from '@/services/api/store-mode.api';
import { toApiError } from '@/services/api-error';
import { resolveAssetUrl } from '@/services/asset-url';
import { TillPanel } from '../../till/till-panel';
import { signOut } from '@/services/session';
import { useAppStore } from '@/stores';
import { selectStaffSession } from '@/stores/selectors';
import { formatTime } from '@/utils/date';
import { goBackOr, navigateTo, redirectTo, ROUTES } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { colors } from '@/styles/tokens';
import { CodeEntry } from '../../components/code-entry';
import '../../store.scss';
import './index.scss';

function MemberSummary({
  summary,
  busyVoucherId,
  onRedeem,
}: {
  summary: StoreMemberSummary;
  busyVoucherId: number | null;
  onRedeem: (voucher: VoucherView) => void;
}) {
  return (
    <View className="member-summary">
      <View className="member-summary__head">
        <View className="member-summary__who">
          <Text className="member-summary__phone summary-phone">{summary.phoneMasked ?? '未绑定手机号'}</Text>
          <Text className="member-summary__expires">{`本次扫码 ${formatTime(summary.scanExpiresAt)} 前有效`}</Text>
        </View>
        <Text className={`member-summary__tier summary-tier member-summary__tier--${summary.tier.code.toLowerCase()}`}>
          {summary.tier.name}
        </Text>
      </View>

      <View className="member-summary__stats">
        <View className="member-summary__stat">
          <Text className="member-summary__value summary-growth">{summary.growth}</Text>
          <Text className="member-summary__label">成长值</Text>
        </View>
        <View className="member-summary__stat">
          <Text className="member-summary__value summary-points">{summary.points}</Text>
          <Text className="member-summary__label">积分</Text>
        </View>
        <View className="member-summary__stat">
          <Text className="member-summary__value summary-usable">{summary.usableCount}</Text>
          <Text className="member-summary__label">可用券</Text>
        </View>
      </View>

      {summary.memberDayToday || summary.birthdayToday ? (
        <View className="member-summary__flags">
          {summary.memberDayToday ? <Text className="flag flag--member-day summary-member-day">今日会员日</Text> : null}
          {summary.birthdayToday ? <Text className="flag flag--birthday summary-birthday">今天是会员生日</Text> : null}
        </View>
      ) : null}

      <Text className="member-summary__section">会员的券</Text>
      {summary.vouchers.length === 0 ? (
        <Text className="member-summary__none">
          {summary.coupons.length > 0
            ? `暂无商品券 · 优惠券 ${summary.coupons.length} 张，收银时点选使用`
            : '该会员暂无可用的券'}
        </Text>
      ) : null}
      {summary.vouchers.map((voucher) => (
        <VoucherCard
          key={voucher.id}
          voucher={voucher}
          action={
            voucher.status === 'AVAILABLE' ? (
              <View
                className={`btn btn--primary btn--small redeem-button ${busyVoucherId === voucher.id ? 'btn--disabled' : ''}`}
                onClick={() => onRedeem(voucher)}
              >
                核销
              </View>
            ) : undefined
          }
        />
      ))}
    </View>
  );
}

/**
 * 核销礼品: the member shows the pickup code of a gift they redeemed with points; the cashier types it and hands
 * the gift over. The code is the credential (no member scan needed); a code already used is refused (409).
 */
function GiftPickupPanel() {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<GiftPickupResult | null>(null);

  const pickUp = async () => {
    if (busy) return;
    const normalised = normalisePickupCode(code);
    if (!normalised) {
      setError('请输入 10 位提货码');
      return;
    }
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await pickUpGift(normalised));
      setCode('');
      toast('核销成功');
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="panel store-scan__panel gift-pickup">
      <Text className="panel__title">核销礼品</Text>
      <View className="store-scan__entry">
        <Input
          className="store-scan__input gift-pickup__input pickup-code-input"
          type="text"
          maxlength={13}
          placeholder="输入顾客的 10 位提货码"
          value={code}
          onInput={(e) => setCode(e.detail.value.toUpperCase())}
          onConfirm={() => void pickUp()}
        />
        <View
          className={`btn btn--primary btn--small pickup-button ${busy ? 'btn--disabled' : ''}`}
          onClick={() => void pickUp()}
        >
          {busy ? '核销中' : '核销'}
        </View>
      </View>
      {error ? <Text className="store-error pickup-error">{error}</Text> : null}
      {done ? (
        <View className="gift-pickup__done pickup-result">
          <Image className="gift-pickup__image" src={resolveAssetUrl(done.giftImageUrl)} mode="aspectFill" />
          <View className="gift-pickup__info">
            <Text className="gift-pickup__name pickup-gift-name">{done.giftName}</Text>
            <Text className="gift-pickup__meta">
              {`已核销 · ${done.memberPhoneMasked ?? '会员'} · ${formatTime(done.pickedUpAt)}`}
            </Text>
          </View>
          <Text className="gift-pickup__check">✓</Text>
        </View>
      ) : null}
    </View>
  );
}

export default function StoreScanPage() {
  const staff = useAppStore(selectStaffSession);
  const [input, setInput] = useState('');
  const [summary, setSummary] = useState<StoreMemberSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const [busyVoucherId, setBusyVoucherId] = useState<number | null>(null);

  // Not logged in, or the token was refused (the HTTP client signed the cashier out): back to the login.
  useEffect(() => {
    if (!staff) redirectTo(ROUTES.storeLogin);
  }, [staff]);

  const lookUp = async (raw: string) => {
    if (looking) return;
    const parsed = parseMemberCode(raw);
    if (!parsed) {
      setError('请输入 18 位会员码');
      return;
    }
    setLooking(true);
    setError(null);
    setSummary(null);
    try {
      setSummary(await scanMemberCode(parsed.handle + parsed.otp));
      setInput('');
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setLooking(false);
    }
  };

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['barCode', 'qrCode'] });
      await lookUp(res.result);
    } catch {
      // Cancelled by the cashier: nothing to do.
    }
  };

  const redeem = async (voucher: VoucherView) => {
    if (!summary || busyVoucherId !== null) return;
    const { confirm } = await Taro.showModal({
      title: '核销券',
      content: `确认为该会员核销「${voucher.title}」吗？核销后不可撤销。`,
      confirmText: '确认核销',
      cancelText: '取消',
      confirmColor: colors.primary,
    }).catch(() => ({ confirm: false }));
    if (!confirm) return;
    setBusyVoucherId(voucher.id);
    try {
      const redeemed = await redeemVoucher(voucher.id, summary.scanId);
      setSummary((current) =>
        current
          ? {
              ...current,
              vouchers: current.vouchers.map((v) => (v.id === redeemed.id ? redeemed : v)),
              usableCount: Math.max(0, current.usableCount - 1),
            }
          : current,
      );
      toast('核销成功');
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.code === 'SCAN_EXPIRED') setSummary(null);
      setError(apiError.message);
    } finally {
      setBusyVoucherId(null);
    }
  };

  // After a sale the card shows the member's numbers now, not those of the scan.
  const refresh = async (scanId: number) => {
    try {
      const fresh = await refreshScan(scanId);
      setSummary((current) => (current?.scanId === scanId ? fresh : current));
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.code === 'SCAN_EXPIRED') return; // the receipt stays; the next member is scanned anyway
      console.warn('[store] member card refresh failed', apiError);
    }
  };

  const leave = () => {
    signOut('staff');
    goBackOr(ROUTES.mine);
  };

  if (!staff) return <View className="store-page" />;

  return (
    <View className="store-page store-scan">
      <View className="store-bar">
        <View className="store-bar__who">
          <Text className="store-bar__name staff-name">{staff.displayName ?? '店员'}</Text>
          <Text className="store-bar__store">{`门店编号 ${staff.storeId ?? '—'} · 收银`}</Text>
        </View>
        <Text className="store-bar__action sales-link" onClick={() => navigateTo(ROUTES.storeSales)}>
          门店交易
        </Text>
        <Text className="store-bar__action order-pickup-link" onClick={() => navigateTo(ROUTES.storePickup)}>
          核销自提
        </Text>
        <Text className="store-bar__action signup-code-link" onClick={() => navigateTo(ROUTES.storeSignupCode)}>
          门店二维码
        </Text>
        <Text className="store-bar__action staff-sign-out" onClick={leave}>
          退出
        </Text>
      </View>

      <CodeEntry
        block="store-scan"
        title="识别会员"
        scanText="扫描会员码"
        onScan={() => void scan()}
        digits={18}
        codeName="会员码"
        maxlength={18}
        value={input}
        onInput={setInput}
        onLookUp={() => void lookUp(input)}
        inputClassName="member-code-input"
        buttonClassName="lookup-button"
        looking={looking}
        disabled={looking}
      />

      {error ? <Text className="store-error scan-error">{error}</Text> : null}

      {summary ? null : <GiftPickupPanel />}

      {summary ? (
        <>
          <MemberSummary summary={summary} busyVoucherId={busyVoucherId} onRedeem={(v) => void redeem(v)} />
          <TillPanel
            key={summary.scanId}
            summary={summary}
            onNext={() => setSummary(null)}
            onSold={() => void refresh(summary.scanId)}
            onScanExpired={(message) => {
              setSummary(null);
              setError(message);
            }}
          />
        </>
      ) : null}
    </View>
  );
}
