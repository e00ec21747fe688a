import { LogoutOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { Dropdown, Result, Spin } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import { useSession } from '../auth/SessionContext';
import { areasFor } from '../routes';

const ROLE_LABELS: Record<string, string> = { operator: '品牌运营', store_manager: '门店店长' };

/** The console's frame: the side menu of the areas this role may use, the operator's name, and logout. */
export function ConsoleLayout() {
  const { session, logout } = useSession();
  const location = useLocation();
  const areas = areasFor(session.role);
  return (
    <ProLayout
      title="Tidepool 运营后台"
      logo={false}
      layout="mix"
      fixSiderbar
      siderWidth={208}
      location={{ pathname: location.pathname }}
      route={{ path: '/', routes: areas.map(({ path, name, icon }) => ({ path, name, icon })) }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      avatarProps={{
        title: accountTitle(session.displayName, ROLE_LABELS[session.role] ?? session.role),
        size: 'small',
        render: (_props, dom) => (
          <Dropdown menu={{ items: [{ key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: logout }] }}>
            {dom}
          </Dropdown>
        ),
      }}
    >
      <Suspense
        fallback={
          <Centered>
            <Spin size="large" />
          </Centered>
        }
      >
        <Routes>
          {areas.map(({ path, page: Page }) => (
            <Route key={path} path={path === '/' ? '/' : `${path}/*`} element={<Page />} />
          ))}
          <Route
            path="*"
            element={<Result status="404" title="页面不存在" subTitle="该页面不存在，或您的账号无权访问。" />}
          />
        </Routes>
      </Suspense>
    </ProLayout>
  );
}

function Centered({ children }: { children: ReactNode }) {
  return <div style={{ padding: 96, textAlign: 'center' }}>{children}</div>;
}

/** "徐家汇店店长（门店店长）", or just the name when it already says the role. */
function accountTitle(name: string, roleLabel: string): string {
  return name === roleLabel ? name : `${name}（${roleLabel}）`;
}
