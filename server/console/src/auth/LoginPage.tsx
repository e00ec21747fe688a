import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginForm, ProFormText } from '@ant-design/pro-components';
import { CONSOLE_ROLES, type StaffLoginResponse } from '@tidepool/shared';
import { Alert } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { saveSession, type ConsoleSession } from './session';

/** Staff accounts log in here; only brand operators and store managers get into the console. */
export function LoginPage({
  onLoggedIn,
  expired,
}: {
  onLoggedIn: (session: ConsoleSession) => void;
  expired: boolean;
}) {
  const [error, setError] = useState<string | null>(expired ? '登录已过期，请重新登录' : null);
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', background: '#f5f7fa' }}>
      <LoginForm
        title="Tidepool 运营后台"
        subTitle="品牌运营与门店店长使用员工账号登录"
        submitter={{ searchConfig: { submitText: '登录' } }}
        onFinish={async (values: { username: string; password: string }) => {
          setError(null);
          try {
            const session = await api<StaffLoginResponse>('POST', '/auth/staff-login', { body: values });
            if (!(CONSOLE_ROLES as readonly string[]).includes(session.role)) {
              setError('收银员账号请在小程序的门店模式中使用');
              return false;
            }
            saveSession(session);
            onLoggedIn(session);
            return true;
          } catch (e) {
            setError(e instanceof ApiError ? e.message : '登录失败，请稍后重试');
            return false;
          }
        }}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 24 }} role="alert" />}
        <ProFormText
          name="username"
          fieldProps={{ size: 'large', prefix: <UserOutlined />, autoComplete: 'username' }}
          placeholder="账号"
          rules={[{ required: true, message: '请输入账号' }]}
        />
        <ProFormText.Password
          name="password"
          fieldProps={{ size: 'large', prefix: <LockOutlined />, autoComplete: 'current-password' }}
          placeholder="密码"
          rules={[{ required: true, message: '请输入密码' }]}
        />
      </LoginForm>
    </div>
  );
}
