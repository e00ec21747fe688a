import {
  AuditOutlined,
  IdcardOutlined,
  ClusterOutlined,
  RollbackOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  MoneyCollectOutlined,
  NotificationOutlined,
  MessageOutlined,
  DashboardOutlined,
  GiftOutlined,
  ProfileOutlined,
  RiseOutlined,
  ShopOutlined,
  ShoppingOutlined,
  TagsOutlined,
  TeamOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import type { Role } from '@tidepool/shared';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

/**
 * The console's areas: the menu and the router both read this list. Each area is its own lazily loaded chunk
 * with its own nested routes (list, detail, edit), so opening 订单 never downloads the product editor. `roles`
 * only hides menu entries: the server refuses every route to a role that may not call it.
 */
export interface ConsoleArea {
  path: string;
  name: string;
  icon: ReactNode;
  roles: readonly Role[];
  page: LazyExoticComponent<ComponentType>;
}

const BOTH: readonly Role[] = ['operator', 'store_manager'];
const OPERATOR: readonly Role[] = ['operator'];

export const CONSOLE_AREAS: ConsoleArea[] = [
  { path: '/', name: '概览', icon: <DashboardOutlined />, roles: BOTH, page: lazy(() => import('./pages/overview')) },
  {
    path: '/products',
    name: '商品',
    icon: <ShoppingOutlined />,
    roles: OPERATOR,
    page: lazy(() => import('./pages/products')),
  },
  { path: '/orders', name: '订单', icon: <ProfileOutlined />, roles: BOTH, page: lazy(() => import('./pages/orders')) },
  {
    path: '/after-sales',
    name: '售后',
    icon: <CustomerServiceOutlined />,
    roles: BOTH,
    page: lazy(() => import('./pages/after-sales')),
  },
  {
    path: '/drops',
    name: '团购',
    icon: <ThunderboltOutlined />,
    roles: OPERATOR,
    page: lazy(() => import('./pages/drops')),
  },
  {
    path: '/gifts',
    name: '积分商城',
    icon: <GiftOutlined />,
    roles: OPERATOR,
    page: lazy(() => import('./pages/gifts')),
  },
  {
    path: '/coupons',
    name: '优惠券',
    icon: <TagsOutlined />,
    roles: OPERATOR,
    page: lazy(() => import('./pages/coupons')),
  },
  {
    path: '/campaigns',
    name: '营销活动',
    icon: <NotificationOutlined />,
    roles: OPERATOR,
    page: lazy(() => import('./pages/campaigns')),
  },
  {
    path: '/members',
    name: '会员',
    icon: <IdcardOutlined />,
    roles: OPERATOR,
    page: lazy(() => import('./pages/members')),
  },
  {
    path: '/messages',
    name: '消息触达',
    icon: <MessageOutlined />,
    roles: OPERATOR,
    page: lazy(() => import('./pages/messages')),
  },
  {
    path: '/lifecycle',
    name: '生命周期',
    icon: <RiseOutlined />,
    roles: BOTH,
    page: lazy(() => import('./pages/lifecycle')),
  },
  {
    path: '/segments',
    name: '人群',
    icon: <ClusterOutlined />,
    roles: BOTH,
    page: lazy(() => import('./pages/segments')),
  },
  {
    path: '/win-back',
    name: '流失挽回',
    icon: <RollbackOutlined />,
    roles: OPERATOR,
    page: lazy(() => import('./pages/win-back')),
  },
  {
    path: '/rules',
    name: '品牌规则',
    icon: <ControlOutlined />,
    roles: OPERATOR,
    page: lazy(() => import('./pages/rules')),
  },
  {
    path: '/stores',
    name: '门店与员工',
    icon: <ShopOutlined />,
    roles: BOTH,
    page: lazy(() => import('./pages/stores')),
  },
  {
    path: '/promoters',
    name: '推手',
    icon: <TeamOutlined />,
    roles: OPERATOR,
    page: lazy(() => import('./pages/promoters')),
  },
  {
    path: '/withdrawals',
    name: '提现',
    icon: <MoneyCollectOutlined />,
    roles: OPERATOR,
    page: lazy(() => import('./pages/withdrawals')),
  },
  { path: '/audit', name: '操作日志', icon: <AuditOutlined />, roles: BOTH, page: lazy(() => import('./pages/audit')) },
];

export function areasFor(role: Role): ConsoleArea[] {
  return CONSOLE_AREAS.filter((area) => area.roles.includes(role));
}
