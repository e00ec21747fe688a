import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useUnload } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorState, LoadingState } from '@/components/state-view';
import { toApiError, type ApiError } from '@/services/api-error';
import { isH5 } from '@/services/env';
import {
  fetchMemberCode,
  groupMemberCode,
  isCredentialStale,
  loadMemberCode,
  memberCodeView,
  type StoredMemberCode,
} from '@/services/member-code';
import { code128Svg, qrSvg, svgDataUrl } from '@/utils/barcode/svg';
import { redirectTo, ROUTES } from '@/utils/routes';
import { toast } from '@/utils/toast';
import '../../member.scss';
import './index.scss';

type Load = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: ApiError };

/** Full brightness and a screen that stays on while the code is shown (weapp); the old brightness comes back. */
function useBrightScreen() {
  const previous = useRef<number | null>(null);
  const brighten = useCallback(() => {
    if (isH5()) return;
    Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    Taro.getScreenBrightness()
      .then((res) => {
        previous.current ??= res.value;
        return Taro.setScreenBrightness({ value: 1 });
      })
      .catch(() => undefined);
  }, []);
  const restore = useCallback(() => {
    if (isH5()) return;
    Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
    const value = previous.current;
    previous.current = null;
    if (value !== null) Taro.setScreenBrightness({ value }).catch(() => undefined);
  }, []);
  useDidShow(brighten);
  useDidHide(restore);
  useUnload(restore);
}

export default function MemberCodePage() {
  const [credential, setCredential] = useState<StoredMemberCode | null>(loadMemberCode);
  const [load, setLoad] = useState<Load>(() => (credential ? { status: 'ready' } : { status: 'loading' }));
  const [offline, setOffline] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [masked, setMasked] = useState(true);
  const fetching = useRef(false);

  useBrightScreen();

  const refresh = useCallback(async (manual: boolean) => {
    if (fetching.current) return;
    fetching.current = true;
    const cached = loadMemberCode();
    if (!cached) setLoad({ status: 'loading' });
    try {
      const fresh = await fetchMemberCode();
      setCredential(fresh);
      setOffline(false);
      setLoad({ status: 'ready' });
      setNow(Date.now());
      if (manual) toast('会员码已刷新');
    } catch (err) {
      const error = toApiError(err);
      if (cached && error.code === 'NETWORK_ERROR') {
        // The cached credential keeps working offline: that is the point of computing the code on the phone.
        setOffline(true);
        setLoad({ status: 'ready' });
        if (manual) toast(error.message);
      } else if (cached && error.code !== 'NOT_SIGNED_UP') {
        setLoad({ status: 'ready' });
        if (manual) toast(error.message);
      } else {
        setLoad({ status: 'error', error });
      }
    } finally {
      fetching.current = false;
    }
  }, []);

  // First show: fetch only without a usable cached credential (a fresh one would invalidate the code on screen).
  useEffect(() => {
    const cached = loadMemberCode();
    if (!cached || isCredentialStale(cached, Date.now())) void refresh(false);
  }, [refresh]);

  // Tick every second for the countdown; the code itself changes at each 30-second step.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const view = credential ? memberCodeView(credential, now) : null;
  const code = view?.code ?? '';
  const images = useMemo(
    () => (code ? { qr: svgDataUrl(qrSvg(code)), barcode: svgDataUrl(code128Svg(code)) } : null),
    [code],
  );

  if (load.status === 'error' && !credential) {
    const notMember = load.error.code === 'NOT_SIGNED_UP';
    return (
      <View className="code-page">
        <View className="code-card code-card--state">
          {notMember ? (
            <View className="code-state">
              <Text className="code-state__title">成为会员后即可使用会员码</Text>
              <View className="btn btn--primary" onClick={() => redirectTo(ROUTES.memberSignup)}>
                成为会员
              </View>
            </View>
          ) : (
            <ErrorState error={load.error} onRetry={() => void refresh(false)} />
          )}
        </View>
      </View>
    );
  }

  if (!view || !images) {
    return (
      <View className="code-page">
        <View className="code-card code-card--state">
          <LoadingState text="正在生成会员码…" />
        </View>
      </View>
    );
  }

  return (
    <View className="code-page">
      <View className="code-card">
        <View className="code-card__head">
          <Text className="code-card__brand">Tidepool 会员码</Text>
          <Text className="code-card__sub">结账时出示，享会员价、积分和优惠券</Text>
        </View>

        <Image className="code-barcode" src={images.barcode} mode="scaleToFill" />
        <View className="code-digits" onClick={() => setMasked(!masked)}>
          <Text className="code-digits__value member-code-digits">{groupMemberCode(view.code, masked)}</Text>
          <Text className="code-digits__toggle reveal-code">{masked ? '查看数字' : '隐藏数字'}</Text>
        </View>

        <Image className="code-qr" src={images.qr} mode="aspectFit" />

        <View className="code-refresh">
          <Text className="code-refresh__countdown code-countdown">{`${view.secondsLeft} 秒后自动刷新`}</Text>
          <Text className="code-refresh__action" onClick={() => void refresh(true)}>
            刷新
          </Text>
        </View>
      </View>

      {offline ? <Text className="code-offline">当前网络不可用，会员码仍可正常使用</Text> : null}
      <Text className="code-tip">会员码每 30 秒自动更新，仅用于门店识别会员，请勿截图或发送给他人</Text>
    </View>
  );
}
