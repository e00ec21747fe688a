import { useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import type { WithdrawalView } from '@tidepool/shared';
import { LoadingState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { usePagedList } from '@/hooks/use-paged-list';
import { toApiError } from '@/services/api-error';
import { createWithdrawal, getEarnings, listWithdrawals } from '@/services/distribution.api';
import { formatDate, formatDateTime } from '@/utils/date';
import { isH5 } from '@/services/env';
import { toast } from '@/utils/toast';
import { Badge, PagedSection, PromoterError } from '../../components';
import { checkWithdrawAmount, dailyRemainingFen, withdrawalBadge, yuan } from '../../promoter-text';
import { CONFIRM_MESSAGES, confirmTransfer, needsConfirmation } from '../../merchant-transfer';
import { WithdrawAttempt } from '../../withdraw-attempt';
import { usePullDownReload } from '@/hooks/use-page-refresh';
import '../../promoter.scss';
import './index.scss';

/** WeChat's 确认收款 for a payout that needs it; says what happened when it did not complete. */
async function confirmInWechat(withdrawal: WithdrawalView): Promise<void> {
  const outcome = await confirmTransfer(withdrawal);
  if (outcome !== 'confirmed') toast(CONFIRM_MESSAGES[outcome]);
}

function WithdrawalRow({ withdrawal: w, onConfirmed }: { withdrawal: WithdrawalView; onConfirmed: () => void }) {
  const badge = withdrawalBadge(w.status);
  return (
    <View className="promoter-row withdrawal-row">
      <View className="promoter-row__head">
        <View className="promoter-row__main">
          <Text className="promoter-row__title withdrawal-amount">{yuan(w.amountFen)}</Text>
          <Text className="promoter-row__meta">
            {`${formatDateTime(w.requestedAt)} 申请${w.paidAt ? ` · ${formatDate(w.paidAt)} 到账` : ''}`}
          </Text>
        </View>
        <Badge text={badge.text} tone={badge.tone} className="withdrawal-status" />
      </View>
      {w.failureReason ? <Text className="withdrawal-row__reason">{w.failureReason}</Text> : null}
      {needsConfirmation(w) && !isH5() ? (
        <View
          className="btn btn--ghost btn--small withdrawal-row__confirm withdrawal-confirm"
          onClick={() => void confirmInWechat(w).then(onConfirmed)}
        >
          确认收款
        </View>
      ) : null}
    </View>
  );
}

/** 提现: to the member's WeChat change, at least the minimum, within today's limit, confirmed before it is sent. */
export default function WithdrawPage() {
  const earnings = useAsync(getEarnings, []);
  const list = usePagedList((page) => listWithdrawals(page), []);
  const [amount, setAmount] = useState('');
  const [error, setError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const attempt = useRef(new WithdrawAttempt());

  usePullDownReload(() => Promise.all([earnings.reload(), list.refresh()]));
  useReachBottom(() => {
    void list.loadMore();
  });

  const e = earnings.state.data;
  if (!e) {
    return (
      <View className="promoter-page">
        {earnings.state.status === 'error' ? (
          <PromoterError error={earnings.state.error} onRetry={() => void earnings.reload()} />
        ) : (
          <LoadingState variant="detail" />
        )}
      </View>
    );
  }
  const left = dailyRemainingFen(e);
  const all = Math.min(e.availableFen, left);

  const submit = async () => {
    if (submitting) return;
    const checked = checkWithdrawAmount(amount, e);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    setError('');
    const { confirm } = await Taro.showModal({
      title: '确认提现',
      content: `提现 ${yuan(checked.fen)} 到微信零钱？`,
      confirmText: '确认提现',
      cancelText: '再想想',
    }).catch(() => ({ confirm: false }));
    if (!confirm) return;
    setSubmitting(true);
    const clientRequestId = attempt.current.idFor(checked.fen);
    try {
      const made = await createWithdrawal({ amountFen: checked.fen, clientRequestId });
      attempt.current.settle();
      setAmount('');
      // The newer transfer API needs the member to accept the money in WeChat.
      if (needsConfirmation(made) && !isH5()) await confirmInWechat(made);
      else toast(made.status === 'PAID' ? '提现成功，已到账' : '提现申请已提交');
      await Promise.all([earnings.reload(), list.refresh()]);
    } catch (err) {
      const apiError = toApiError(err);
      attempt.current.settle(apiError);
      setError(apiError.message);
      // The balances may have moved (another device, a refund): show the current ones.
      void earnings.reload();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="promoter-page withdraw-page">
      <View className="promoter-hero">
        <Text className="promoter-hero__label">可提现</Text>
        <Text className="promoter-hero__value withdraw-available">{yuan(e.availableFen)}</Text>
        <Text className="promoter-hero__note">{`待结算 ${yuan(e.pendingFen)} · 提现中 ${yuan(e.withdrawingFen)} · 已提现 ${yuan(e.withdrawnFen)}`}</Text>
      </View>

      <View className="promoter-card withdraw-form">
        <Text className="promoter-card__title">提现到微信零钱</Text>
        <View className="withdraw-form__row">
          <Text className="withdraw-form__currency">¥</Text>
          <Input
            className="withdraw-form__input withdraw-amount"
            type="digit"
            value={amount}
            placeholder={`最低 ${yuan(e.withdrawMinFen)}`}
            onInput={(ev) => {
              setAmount(ev.detail.value);
              setError('');
            }}
          />
          <Text className="withdraw-form__all withdraw-all" onClick={() => setAmount((all / 100).toFixed(2))}>
            全部
          </Text>
        </View>
        <Text className="withdraw-form__hint withdraw-limits">
          {`最低提现 ${yuan(e.withdrawMinFen)}，今日还可提现 ${yuan(left)}（每日上限 ${yuan(e.withdrawDailyLimitFen)}）`}
        </Text>
        {error ? <Text className="withdraw-form__error withdraw-error">{error}</Text> : null}
        <View
          className={`btn btn--primary btn--block withdraw-submit ${submitting ? 'btn--disabled' : ''}`}
          onClick={() => void submit()}
        >
          {submitting ? '提交中…' : '提现'}
        </View>
      </View>

      <Text className="withdraw-page__section">提现记录</Text>
      <PagedSection
        list={list}
        emptyTitle="还没有提现记录"
        renderItem={(w) => <WithdrawalRow key={w.id} withdrawal={w} onConfirmed={() => void list.refresh()} />}
      />
    </View>
  );
}
