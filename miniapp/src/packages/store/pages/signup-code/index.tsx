import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ErrorState, LoadingState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { getStoreSignupCode } from '@/services/api/store-mode.api';
import { useAppStore } from '@/stores';
import { selectStaffSession } from '@/stores/selectors';
import { redirectTo, ROUTES } from '@/utils/routes';
import { toast } from '@/utils/toast';
import '../../store.scss';
import './index.scss';

type Kind = 'store' | 'staff';

const KINDS: { kind: Kind; label: string; note: string }[] = [
  { kind: 'store', label: '门店码', note: '顾客扫码注册，会员归属本店' },
  { kind: 'staff', label: '我的邀请码', note: '顾客扫码注册，会员归属本店并记在你名下' },
];

/** The till's signup code: a shopper scans it with WeChat and lands on the signup page with the token. */
export default function StoreSignupCodePage() {
  const staff = useAppStore(selectStaffSession);
  const [kind, setKind] = useState<Kind>('store');
  const storeId = staff?.storeId ?? null;
  const { state, reload } = useAsync(
    () =>
      storeId === null
        ? Promise.reject(new Error('no store'))
        : getStoreSignupCode(storeId, { staff: kind === 'staff' }),
    [storeId, kind],
  );

  useEffect(() => {
    if (!staff) redirectTo(ROUTES.storeLogin);
  }, [staff]);

  const copy = (text: string) => {
    Taro.setClipboardData({ data: text })
      .then(() => toast('已复制'))
      .catch(() => toast('复制失败，请长按文字复制'));
  };

  const code = state.status === 'success' ? state.data : null;

  return (
    <View className="store-page signup-code-page">
      <View className="signup-code-tabs">
        {KINDS.map((k) => (
          <View
            key={k.kind}
            className={`signup-code-tabs__tab ${k.kind === kind ? 'signup-code-tabs__tab--active' : ''}`}
            onClick={() => setKind(k.kind)}
          >
            <Text>{k.label}</Text>
          </View>
        ))}
      </View>

      <View className="signup-code-card">
        <Text className="signup-code-card__title">微信扫一扫，注册会员</Text>
        <Text className="signup-code-card__note">{KINDS.find((k) => k.kind === kind)?.note}</Text>
        {state.status === 'loading' ? <LoadingState text="正在生成注册码…" /> : null}
        {state.status === 'error' ? <ErrorState error={state.error} onRetry={() => void reload()} /> : null}
        {code ? (
          <>
            <Image className="signup-code-card__image signup-code-image" src={code.imageDataUrl} mode="aspectFit" />
            <Text className="signup-code-card__gift">新会员注册即送免费购物袋</Text>
          </>
        ) : null}
      </View>

      {code ? (
        <View className="panel signup-code-info">
          <View className="form-row" onClick={() => copy(code.token)}>
            <Text className="form-row__label">注册码</Text>
            <Text className="form-row__value signup-code-token" userSelect>
              {code.token}
            </Text>
          </View>
          <View className="form-row signup-code-info__link" onClick={() => copy(code.h5Url)}>
            <Text className="form-row__label">网页链接</Text>
            <Text className="form-row__value signup-code-info__url signup-code-h5-url" userSelect>
              {code.h5Url}
            </Text>
          </View>
          <Text className="field-note">点击可复制。网页链接用于浏览器演示版。</Text>
        </View>
      ) : null}
    </View>
  );
}
