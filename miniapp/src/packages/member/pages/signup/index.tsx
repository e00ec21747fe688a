import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  type CouponView,
  type MemberCenterResponse,
  mobileError,
  normaliseMobile,
  PRIVACY_TERMS_VERSION,
  signupBenefits,
  signupChannel,
  type VoucherView,
} from '@tidepool/shared';
import { BirthdayPicker } from '@/components/birthday-picker';
import { ErrorState, LoadingState } from '@/components/state-view';
import { CouponCard } from '@/components/coupon-card';
import { VoucherCard } from '@/components/voucher-card';
import { listMyCoupons } from '@/services/api/coupons.api';
import { useAsync } from '@/hooks/use-async';
import { getMemberCenter, getSignupCodeInfo, listMyVouchers, signUp } from '@/services/api/members.api';
import { toApiError } from '@/services/api-error';
import { isH5 } from '@/services/env';
import { goBackOr, navigateTo, redirectTo, ROUTES } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { readSignupToken } from '../../signup-token';
import '../../member.scss';
import './index.scss';

interface SignedUp {
  member: MemberCenterResponse;
  gifts: VoucherView[];
  /** Coupons the signup gave (the birthday coupon of a signup on the birthday). */
  coupons: CouponView[];
}

function Success({ result }: { result: SignedUp }) {
  return (
    <View className="member-page signup-page">
      <View className="signup-done">
        <View className="signup-done__icon">✓</View>
        <Text className="signup-done__title signup-success">注册成功</Text>
        <Text className="signup-done__text">
          {`你已成为 ${result.member.tier.name} 会员${result.member.signupStoreName ? ` · ${result.member.signupStoreName}` : ''}`}
        </Text>
      </View>
      {result.gifts.length + result.coupons.length > 0 ? (
        <View className="signup-gifts">
          <Text className="signup-gifts__title">入会礼已放入“我的券”</Text>
          {result.coupons.map((coupon) => (
            <CouponCard key={`c${coupon.id}`} coupon={coupon} />
          ))}
          {result.gifts.map((voucher) => (
            <VoucherCard key={voucher.id} voucher={voucher} />
          ))}
          {result.gifts.length > 0 ? (
            <Text className="field-note">商品券：到店结账时出示会员码，店员核销后即可领取。</Text>
          ) : null}
        </View>
      ) : null}
      <View className="signup-actions">
        <View className="btn btn--primary btn--block show-code-button" onClick={() => redirectTo(ROUTES.memberCode)}>
          出示会员码
        </View>
        <View className="btn btn--outline btn--block signup-actions__second" onClick={() => goBackOr(ROUTES.mine)}>
          返回
        </View>
      </View>
    </View>
  );
}

export default function SignupPage() {
  const { params } = useRouter();
  const [signupToken] = useState(() => readSignupToken(params));
  const store = useAsync(() => (signupToken ? getSignupCodeInfo(signupToken) : Promise.resolve(null)), [signupToken]);
  const me = useAsync(getMemberCenter, []);

  const [consent, setConsent] = useState(false);
  const [phone, setPhone] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [birthday, setBirthday] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<SignedUp | null>(null);

  const storeInfo = store.state.status === 'success' ? store.state.data : null;

  const submit = async (phoneCode: string) => {
    if (submitting) return;
    setSubmitting(true);
    try {
      const member = await signUp({
        phoneCode,
        consentVersion: PRIVACY_TERMS_VERSION,
        birthday: birthday ?? undefined,
        // Only a token the server recognised; an invalid code still lets the shopper sign up.
        signupToken: storeInfo ? storeInfo.token : undefined,
      });
      const gifts = await listMyVouchers('AVAILABLE').then(
        (list) => list.items,
        () => [],
      );
      const coupons = await listMyCoupons('AVAILABLE').then(
        (list) => list.items,
        () => [],
      );
      setResult({ member, gifts, coupons });
    } catch (error) {
      toast(toApiError(error).message);
    } finally {
      setSubmitting(false);
    }
  };

  const submitH5 = () => {
    if (!consent) {
      toast('请先阅读并同意会员隐私政策');
      return;
    }
    const digits = normaliseMobile(phone);
    const invalid = mobileError(digits);
    if (invalid) {
      setPhoneError(invalid);
      toast(invalid);
      return;
    }
    setPhoneError(null);
    void submit(`dev-phone-${digits}`);
  };

  if (result) return <Success result={result} />;

  if (me.state.status === 'loading' && !me.state.data) {
    return (
      <View className="member-page">
        <LoadingState />
      </View>
    );
  }
  if (me.state.status === 'error' && !me.state.data) {
    return (
      <View className="member-page">
        <ErrorState error={me.state.error} onRetry={() => void me.reload()} />
      </View>
    );
  }

  const already = me.state.data?.signedUp === true;
  const storeName = storeInfo?.storeName ?? null;
  // The promises come from the same rule the server gives the gifts by (joining through a store code or online).
  const benefits = signupBenefits(signupChannel(storeInfo !== null));

  return (
    <View className="member-page signup-page">
      <View className="signup-hero">
        <Text className="signup-hero__title signup-welcome">
          {storeName ? `欢迎加入 ${storeName}` : '成为 Tidepool 会员'}
        </Text>
        <Text className="signup-hero__sub">
          {storeInfo?.staffName ? `店员 ${storeInfo.staffName} 邀请你加入会员` : '免费注册，立享会员权益'}
        </Text>
        {store.state.status === 'error' ? (
          <Text className="signup-hero__warn">{`${store.state.error.message}，仍可直接注册`}</Text>
        ) : null}
      </View>

      <View className="signup-benefits">
        {benefits.map((b) => (
          <View className="signup-benefit" key={b.title}>
            <View className="signup-benefit__glyph">
              <Text>{b.glyph}</Text>
            </View>
            <View className="signup-benefit__text">
              <Text className="signup-benefit__title">{b.title}</Text>
              <Text className="signup-benefit__desc">{b.text}</Text>
            </View>
          </View>
        ))}
      </View>

      {already ? (
        <View className="panel signup-already">
          <Text className="panel__title">你已经是会员了</Text>
          <Text className="field-note">到店结账时出示会员码即可享受会员权益。</Text>
          <View className="btn btn--primary btn--block" onClick={() => redirectTo(ROUTES.memberCode)}>
            出示会员码
          </View>
          <View className="signup-actions__gap" />
        </View>
      ) : (
        <>
          <View className="panel">
            {isH5() ? (
              <View className="form-row">
                <Text className="form-row__label">手机号</Text>
                <Input
                  className="form-row__input phone-input"
                  type="number"
                  maxlength={11}
                  placeholder="请输入手机号"
                  value={phone}
                  onInput={(e) => {
                    setPhone(e.detail.value);
                    setPhoneError(null);
                  }}
                />
              </View>
            ) : (
              <View className="form-row">
                <Text className="form-row__label">手机号</Text>
                <Text className="form-row__value">注册时授权微信手机号</Text>
              </View>
            )}
            <View className="form-row form-row--plain">
              <Text className="form-row__label form-row__label--wide">生日（选填）</Text>
              <View className="form-row__field">
                <BirthdayPicker value={birthday} onChange={setBirthday} placeholder="选择月日" />
              </View>
            </View>
            {phoneError ? <Text className="phone-error">{phoneError}</Text> : null}
            <Text className="field-note">生日设置后不能修改。生日当天消费积分翻倍，并送生日专享券。</Text>
          </View>

          <View className="consent" onClick={() => setConsent(!consent)}>
            <View className={`consent__box consent-checkbox ${consent ? 'consent__box--checked' : ''}`}>
              {consent ? <Text className="consent__tick">✓</Text> : null}
            </View>
            <Text className="consent__text">我已阅读并同意</Text>
            <Text
              className="consent__link"
              onClick={(e) => {
                e.stopPropagation();
                navigateTo(ROUTES.memberTerms);
              }}
            >
              《会员隐私政策》
            </Text>
          </View>

          <View className="signup-actions">
            {isH5() ? (
              <View
                className={`btn btn--primary btn--block signup-submit ${consent && !submitting ? '' : 'btn--disabled'}`}
                onClick={submitH5}
              >
                {submitting ? '注册中…' : '立即注册'}
              </View>
            ) : consent ? (
              <Button
                className="btn btn--primary btn--block signup-submit signup-phone-button"
                openType="getPhoneNumber"
                disabled={submitting}
                onGetPhoneNumber={(e) => {
                  const code = e.detail.code;
                  if (code) void submit(code);
                  else toast('需要授权手机号才能注册会员');
                }}
              >
                {submitting ? '注册中…' : '微信手机号一键注册'}
              </Button>
            ) : (
              <View
                className="btn btn--primary btn--block signup-submit btn--disabled"
                onClick={() => toast('请先阅读并同意会员隐私政策')}
              >
                微信手机号一键注册
              </View>
            )}
          </View>
        </>
      )}
    </View>
  );
}
