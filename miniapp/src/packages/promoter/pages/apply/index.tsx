import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PROMOTER_STATUS_LABELS, type PromoterMeView } from '@tidepool/shared';
import { normaliseReferralToken } from '@/components/share/referral-token';
import { PROMOTER_ROUTES } from '@/components/share/promoter-routes';
import { ErrorState, LoadingState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { toApiError } from '@/services/api-error';
import { applyForPromoter, getPromoterMe } from '@/services/distribution.api';
import { redirectTo } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { Badge } from '../../components';
import { promoterStatusHint, rulesLines, type Tone } from '../../promoter-text';
import { usePullDownReload } from '@/hooks/use-page-refresh';
import '../../promoter.scss';
import './index.scss';

const STATUS_TONE: Record<PromoterMeView['status'], Tone> = {
  NONE: 'wait',
  PENDING: 'wait',
  APPROVED: 'done',
  REJECTED: 'bad',
  DISABLED: 'bad',
};

/** 申请成为推手: the rules, the member's status, and the application (with an inviting promoter's token, if any). */
export default function PromoterApplyPage() {
  const router = useRouter();
  const inviteToken = normaliseReferralToken(router.params.invite) ?? undefined;
  const me = useAsync(getPromoterMe, []);
  const [view, setView] = useState<PromoterMeView | null>(null);
  const [nickname, setNickname] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState('');

  usePullDownReload(me.reload);

  const current = view ?? me.state.data;
  if (!current) {
    return (
      <View className="promoter-page">
        {me.state.status === 'error' ? (
          <ErrorState error={me.state.error} onRetry={() => void me.reload()} />
        ) : (
          <LoadingState variant="detail" />
        )}
      </View>
    );
  }

  const canApply = current.status === 'NONE' || current.status === 'REJECTED';
  const submit = async () => {
    if (submitting) return;
    if (!agreed) {
      setError('请先阅读并同意推广规则');
      return;
    }
    if (nickname.trim().length > 32) {
      setError('展示名最多 32 个字');
      return;
    }
    setError('');
    setSubmitting(true);
    try {
      const next = await applyForPromoter({ nickname: nickname.trim() || undefined, inviteToken });
      setView(next);
      toast(next.status === 'APPROVED' ? '你已成为推手' : '申请已提交');
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="promoter-page apply-page">
      <View className="promoter-hero apply-hero">
        <Text className="promoter-hero__label">推手计划</Text>
        <Text className="apply-hero__title">分享好物，赚取佣金</Text>
        <View className="apply-hero__status">
          <Text className="apply-hero__status-label">当前状态</Text>
          <Badge
            text={PROMOTER_STATUS_LABELS[current.status]}
            tone={STATUS_TONE[current.status]}
            className="promoter-status"
          />
        </View>
        <Text className="promoter-hero__note apply-status-hint">
          {promoterStatusHint(current.status, current.rejectReason)}
        </Text>
      </View>

      <View className="promoter-card apply-rules">
        <Text className="promoter-card__title">推广规则</Text>
        {rulesLines(current.rules).map((line, index) => (
          <Text className="promoter-card__text" key={index}>{`${index + 1}. ${line}`}</Text>
        ))}
      </View>

      {current.status === 'APPROVED' ? (
        <View className="btn btn--primary btn--block apply-enter" onClick={() => redirectTo(PROMOTER_ROUTES.center)}>
          进入推广中心
        </View>
      ) : null}

      {canApply ? (
        <View className="promoter-card apply-form">
          <View className="form-row">
            <Text className="form-row__label">展示名</Text>
            <Input
              className="form-row__field apply-nickname"
              value={nickname}
              maxlength={32}
              placeholder="海报上显示的名字（选填）"
              onInput={(e) => setNickname(e.detail.value)}
            />
          </View>
          {inviteToken ? (
            <Text className="promoter-card__text">你正通过好友的邀请申请，成为推手后将加入其团队</Text>
          ) : null}
          <View className="apply-agree" onClick={() => setAgreed(!agreed)}>
            <View className={`apply-agree__box ${agreed ? 'apply-agree__box--on' : ''}`}>{agreed ? '✓' : ''}</View>
            <Text className="apply-agree__text">我已阅读并同意推广规则</Text>
          </View>
          {error ? <Text className="apply-error">{error}</Text> : null}
          <View
            className={`btn btn--primary btn--block apply-submit ${submitting ? 'btn--disabled' : ''}`}
            onClick={() => void submit()}
          >
            {current.status === 'REJECTED' ? '重新申请' : '申请成为推手'}
          </View>
        </View>
      ) : null}
    </View>
  );
}
