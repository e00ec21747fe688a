import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { staffLogin } from '@/services/api/auth.api';
import { toApiError } from '@/services/api-error';
import { useAppStore } from '@/stores';
import { redirectTo, ROUTES } from '@/utils/routes';
import '../../store.scss';
import './index.scss';

export default function StoreLoginPage() {
  const setSession = useAppStore((s) => s.setSession);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    if (submitting) return;
    if (!username.trim() || !password) {
      setError('请输入账号和密码');
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const res = await staffLogin({ username, password });
      if (res.role !== 'cashier' || res.storeId === null) {
        setError('门店模式仅限门店收银员账号');
        return;
      }
      setSession('staff', {
        token: res.accessToken,
        role: res.role,
        storeId: res.storeId,
        displayName: res.displayName,
      });
      redirectTo(ROUTES.storeScan);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="store-page store-login">
      <View className="store-login__head">
        <Text className="store-login__title">门店模式</Text>
        <Text className="store-login__sub">店员登录后可扫描会员码、核销优惠券</Text>
      </View>

      <View className="panel">
        <View className="form-row">
          <Text className="form-row__label">账号</Text>
          <Input
            className="form-row__input staff-username"
            placeholder="请输入店员账号"
            value={username}
            onInput={(e) => setUsername(e.detail.value)}
          />
        </View>
        <View className="form-row">
          <Text className="form-row__label">密码</Text>
          <Input
            className="form-row__input staff-password"
            password
            placeholder="请输入密码"
            value={password}
            onInput={(e) => setPassword(e.detail.value)}
            onConfirm={() => void submit()}
          />
        </View>
      </View>

      {error ? <Text className="store-error store-login-error">{error}</Text> : null}

      <View
        className={`btn btn--primary btn--block store-login__submit staff-login-button ${submitting ? 'btn--disabled' : ''}`}
        onClick={() => void submit()}
      >
        {submitting ? '登录中…' : '登录'}
      </View>
      <Text className="field-note store-login__note">仅限本店店员使用，账号由门店管理员分配。</Text>
    </View>
  );
}
