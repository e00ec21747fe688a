import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { PersonalDataExport } from '@tidepool/shared';
import { BirthdayPicker } from '@/components/birthday-picker';
import { ErrorState, LoadingState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { deleteMyAccount, exportPersonalData, getMemberCenter, setBirthday } from '@/services/api/members.api';
import { toApiError } from '@/services/api-error';
import { isH5 } from '@/services/env';
import {
  type ConsentRow,
  consentRows,
  getMessageConsents,
  withdrawConfirmText,
  withdrawMessageConsents,
} from '@/services/message-consents';
import { clearMemberCode } from '@/services/member-code';
import { resetDeviceId, signOut } from '@/services/session';
import { formatBirthday, formatDate } from '@/utils/date';
import { navigateTo, ROUTES, switchTab } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { PRIVACY_TERMS } from '../../privacy-terms';
import { colors } from '@/styles/tokens';
import '../../member.scss';
import './index.scss';

async function confirm(title: string, content: string, confirmText: string, danger = false): Promise<boolean> {
  try {
    const res = await Taro.showModal({
      title,
      content,
      confirmText,
      cancelText: '取消',
      confirmColor: danger ? colors.danger : colors.primary,
    });
    return res.confirm;
  } catch {
    return false;
  }
}

export default function PrivacyPage() {
  const { state, reload } = useAsync(getMemberCenter, []);
  const [exported, setExported] = useState<PersonalDataExport | null>(null);
  const [busy, setBusy] = useState<'export' | 'delete' | 'birthday' | null>(null);
  // Loaded apart from the member card: the page stays usable if only this list fails.
  const consents = useAsync(getMessageConsents, []);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);

  const member = state.data;
  const rows = consents.state.data ? consentRows(consents.state.data.items) : null;

  const withdraw = async (row: ConsentRow) => {
    if (withdrawing) return;
    const ok = await confirm('撤回订阅', withdrawConfirmText(row), '确认撤回', true);
    if (!ok) return;
    setWithdrawing(row.templateId);
    try {
      await withdrawMessageConsents(row.templateId);
      toast('已撤回');
      await consents.reload();
    } catch (error) {
      toast(toApiError(error).message);
    } finally {
      setWithdrawing(null);
    }
  };

  const pickBirthday = async (birthday: string) => {
    const ok = await confirm('设置生日', `生日设置为 ${formatBirthday(birthday)}，设置后不能修改，确定吗？`, '确定');
    if (!ok) return;
    setBusy('birthday');
    try {
      await setBirthday(birthday);
      toast('生日已设置');
      await reload();
    } catch (error) {
      toast(toApiError(error).message);
    } finally {
      setBusy(null);
    }
  };

  const runExport = async () => {
    setBusy('export');
    try {
      setExported(await exportPersonalData());
    } catch (error) {
      toast(toApiError(error).message);
    } finally {
      setBusy(null);
    }
  };

  const copyExport = () => {
    if (!exported) return;
    Taro.setClipboardData({ data: JSON.stringify(exported, null, 2) })
      .then(() => toast('已复制到剪贴板'))
      .catch(() => toast('复制失败，请长按文字复制'));
  };

  const deleteAccount = async () => {
    const ok = await confirm(
      '注销账号',
      '注销后你的手机号、生日等个人信息将被删除，会员等级、积分和券将全部作废且无法恢复。确定注销吗？',
      '确认注销',
      true,
    );
    if (!ok) return;
    setBusy('delete');
    try {
      await deleteMyAccount();
      clearMemberCode();
      signOut('member');
      // The browser demo's identity goes too, so the next visit is a new (dev) WeChat user.
      if (isH5()) resetDeviceId();
      toast('账号已注销');
      switchTab(ROUTES.mine);
    } catch (error) {
      toast(toApiError(error).message);
    } finally {
      setBusy(null);
    }
  };

  if (state.status === 'loading' && !member) {
    return (
      <View className="member-page">
        <LoadingState />
      </View>
    );
  }
  if (state.status === 'error' && !member) {
    return (
      <View className="member-page">
        <ErrorState error={state.error} onRetry={() => void reload()} />
      </View>
    );
  }

  return (
    <View className="member-page privacy-page">
      <View className="panel">
        <Text className="panel__title">个人信息</Text>
        <View className="form-row">
          <Text className="form-row__label">手机号</Text>
          <Text className="form-row__value">{member?.phoneMasked ?? '未绑定'}</Text>
        </View>
        <View className="form-row">
          <Text className="form-row__label">生日</Text>
          {member?.birthday ? (
            <Text className="form-row__value">{formatBirthday(member.birthday)}</Text>
          ) : (
            <View className="form-row__field">
              <BirthdayPicker
                value={null}
                placeholder="未设置，去设置"
                disabled={busy !== null || !member?.signedUp}
                onChange={(value) => void pickBirthday(value)}
              />
            </View>
          )}
        </View>
        <View className="form-row">
          <Text className="form-row__label">注册时间</Text>
          <Text className="form-row__value">{formatDate(member?.signedUpAt) || '—'}</Text>
        </View>
        <View className="form-row">
          <Text className="form-row__label">注册门店</Text>
          <Text className="form-row__value">{member?.signupStoreName ?? '线上注册'}</Text>
        </View>
        <View className="form-row" onClick={() => navigateTo(ROUTES.memberTerms)}>
          <Text className="form-row__label">隐私政策</Text>
          <Text className="form-row__value privacy-page__link">{`查看（版本 ${PRIVACY_TERMS.version}）›`}</Text>
        </View>
      </View>

      <View className="panel message-consents">
        <Text className="panel__title">订阅消息</Text>
        <Text className="field-note">你每次点「允许」，我们最多可给你发送一条该类消息；撤回后剩余的将不再发送。</Text>
        {rows === null ? (
          consents.state.status === 'error' ? (
            <View className="form-row" onClick={() => void consents.reload()}>
              <Text className="form-row__label">加载失败</Text>
              <Text className="form-row__value privacy-page__link">重试 ›</Text>
            </View>
          ) : (
            <Text className="field-note">加载中…</Text>
          )
        ) : rows.length === 0 ? (
          <Text className="field-note message-consents__empty">暂无订阅消息</Text>
        ) : (
          rows.map((row) => (
            <View className="form-row message-consent" key={row.templateId}>
              <Text className="form-row__label form-row__label--wide message-consent__name">{row.name}</Text>
              <View className="message-consent__right">
                <Text className="form-row__value message-consent__left">{row.left}</Text>
                {row.canWithdraw ? (
                  <View
                    className={`btn btn--ghost btn--small message-consent__withdraw ${withdrawing ? 'btn--disabled' : ''}`}
                    onClick={() => void withdraw(row)}
                  >
                    {withdrawing === row.templateId ? '撤回中…' : '撤回'}
                  </View>
                ) : null}
              </View>
            </View>
          ))
        )}
        <View className="privacy-page__gap" />
      </View>

      <View className="panel">
        <Text className="panel__title">导出我的数据</Text>
        <Text className="field-note">
          导出我们保存的你的全部个人信息（JSON 格式），包括手机号、生日、券和到店记录。
        </Text>
        {exported ? (
          <View className="export-box">
            <View className="export-box__head">
              <Text className="export-box__when">{`导出于 ${formatDate(exported.exportedAt)}`}</Text>
              <View className="btn btn--ghost btn--small" onClick={copyExport}>
                复制全部
              </View>
            </View>
            <Text className="export-box__json export-json" userSelect>
              {JSON.stringify(exported, null, 2)}
            </Text>
          </View>
        ) : (
          <View
            className={`btn btn--ghost btn--block export-button ${busy === 'export' ? 'btn--disabled' : ''}`}
            onClick={() => void runExport()}
          >
            {busy === 'export' ? '导出中…' : '导出我的数据'}
          </View>
        )}
        <View className="privacy-page__gap" />
      </View>

      <View className="panel">
        <Text className="panel__title">注销账号</Text>
        <Text className="field-note">注销后个人信息将被删除或匿名化，会员等级、积分和券将一并作废，且无法恢复。</Text>
        <View
          className={`btn btn--danger btn--block delete-account-button ${busy === 'delete' ? 'btn--disabled' : ''}`}
          onClick={() => void deleteAccount()}
        >
          {busy === 'delete' ? '注销中…' : '注销账号'}
        </View>
        <View className="privacy-page__gap" />
      </View>
    </View>
  );
}
