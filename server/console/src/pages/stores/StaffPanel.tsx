import { PlusOutlined } from '@ant-design/icons';
import {
  ModalForm,
  ProCard,
  ProFormSelect,
  ProFormText,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import type {
  AdminStaffView,
  AdminStoreView,
  CreateStaffRequest,
  MeResponse,
  StaffWechatInviteResponse,
} from '@tidepool/shared';
import { App, Badge, Button, Drawer, Form, Popconfirm, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { pagedRequest } from '../../api/pro-table';
import { useSession } from '../../auth/SessionContext';
import { AuditTrail } from '../../components/AuditTrail';
import { dateTime } from '../../format';
import { canManageStaff, creatableRoles, formFieldErrors, STAFF_ROLE_LABELS, staffState } from './store-rules';

/** The staff accounts of one store: create, reset password, disable / re-enable, WeChat-binding invite. */
export function StaffPanel({ store, onChanged }: { store: AdminStoreView; onChanged: () => void }) {
  const { session, timeZone } = useSession();
  const { message, modal } = App.useApp();
  const table = useRef<ActionType>(null);
  const [meId, setMeId] = useState(0);
  const [resetting, setResetting] = useState<AdminStaffView | null>(null);
  const [history, setHistory] = useState<AdminStaffView | null>(null);
  const [createForm] = Form.useForm<CreateStaffRequest>();

  useEffect(() => {
    api<MeResponse>('GET', '/me')
      .then((me) => setMeId(me.id))
      .catch(() => undefined);
  }, []);

  const refresh = () => {
    void table.current?.reload();
    onChanged();
  };
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '操作失败，请重试');

  const setDisabled = async (row: AdminStaffView, disabled: boolean) => {
    try {
      await api('POST', `/admin/staff/${row.id}/${disabled ? 'disable' : 'enable'}`);
      message.success(disabled ? `已停用 ${row.username}` : `已启用 ${row.username}`);
      refresh();
    } catch (e) {
      fail(e);
    }
  };

  const invite = async (row: AdminStaffView) => {
    try {
      const res = await api<StaffWechatInviteResponse>('POST', `/admin/staff/${row.id}/wechat-invite`);
      refresh();
      modal.info({
        title: `微信绑定邀请码：${row.displayName}`,
        width: 480,
        content: (
          <div>
            <Typography.Paragraph copyable={{ text: res.inviteCode }} style={{ fontSize: 20, fontFamily: 'monospace' }}>
              {res.inviteCode}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              有效期至 {dateTime(res.expiresAt, timeZone)}
              ，仅可使用一次。请当面交给员工，在小程序「门店模式」中绑定微信； 此码只显示这一次。
            </Typography.Text>
          </div>
        ),
      });
    } catch (e) {
      fail(e);
    }
  };

  const columns: ProColumns<AdminStaffView>[] = [
    { title: '用户名', dataIndex: 'username', copyable: true },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'role', width: 100, render: (_, row) => <Tag>{STAFF_ROLE_LABELS[row.role]}</Tag> },
    {
      title: '微信',
      dataIndex: 'wechatBound',
      width: 190,
      render: (_, row) =>
        row.wechatBound ? (
          <Badge status="success" text="已绑定" />
        ) : row.inviteExpiresAt ? (
          <Badge status="processing" text={`邀请有效至 ${dateTime(row.inviteExpiresAt, timeZone)}`} />
        ) : (
          <Badge status="default" text="未绑定" />
        ),
    },
    {
      title: '状态',
      dataIndex: 'disabledAt',
      width: 90,
      render: (_, row) => <Badge {...staffState(row)} />,
    },
    { title: '创建时间', dataIndex: 'createdAt', width: 150, render: (_, row) => dateTime(row.createdAt, timeZone) },
    {
      title: '操作',
      valueType: 'option',
      width: 260,
      render: (_, row) => {
        const manageable = canManageStaff(session.role, meId, row);
        return [
          manageable && (
            <a key="reset" onClick={() => setResetting(row)}>
              重置密码
            </a>
          ),
          manageable &&
            (row.disabledAt ? (
              <a key="enable" onClick={() => void setDisabled(row, false)}>
                启用
              </a>
            ) : (
              <Popconfirm
                key="disable"
                title={`停用 ${row.username}？`}
                description="停用后该账号无法登录，已登录的设备立即失效。"
                okText="停用"
                okButtonProps={{ danger: true }}
                onConfirm={() => void setDisabled(row, true)}
              >
                <a style={{ color: '#cf1322' }}>停用</a>
              </Popconfirm>
            )),
          manageable && !row.wechatBound && !row.disabledAt && (
            <a key="invite" onClick={() => void invite(row)}>
              微信绑定邀请
            </a>
          ),
          <a key="history" onClick={() => setHistory(row)}>
            记录
          </a>,
        ].filter(Boolean);
      },
    },
  ];

  return (
    <ProCard title="员工账号" bordered headerBordered style={{ marginTop: 16 }} bodyStyle={{ padding: 0 }}>
      <ProTable<AdminStaffView>
        actionRef={table}
        rowKey="id"
        columns={columns}
        search={false}
        options={false}
        params={{ storeId: store.id }}
        pagination={{ defaultPageSize: 20 }}
        request={pagedRequest<AdminStaffView>('/admin/staff')}
        toolBarRender={() => [
          <ModalForm<CreateStaffRequest>
            key="new"
            title={`新建员工账号 · ${store.name}`}
            form={createForm}
            width={520}
            modalProps={{ destroyOnClose: true }}
            initialValues={{ role: 'cashier' }}
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                新建账号
              </Button>
            }
            onFinish={async (values) => {
              try {
                const created = await api<AdminStaffView>('POST', '/admin/staff', {
                  body: { ...values, storeId: store.id },
                });
                message.success(`已创建 ${created.username}`);
                refresh();
                return true;
              } catch (e) {
                if (e instanceof ApiError) {
                  const fields = e.code === 'STAFF_USERNAME_TAKEN' ? { username: e.message } : e.fieldErrors();
                  createForm.setFields(formFieldErrors<CreateStaffRequest>(fields));
                }
                fail(e);
                return false;
              }
            }}
          >
            <ProFormText
              name="username"
              label="用户名"
              placeholder="如 cashier.sh003（不区分大小写）"
              rules={[
                { required: true, message: '请输入用户名' },
                { pattern: /^\s*[A-Za-z0-9][A-Za-z0-9._-]{2,63}\s*$/, message: '3–64 位字母、数字、点、- 或 _' },
              ]}
            />
            <ProFormText
              name="displayName"
              label="姓名"
              rules={[{ required: true, message: '请输入姓名' }, { max: 64 }]}
            />
            <ProFormSelect
              name="role"
              label="角色"
              options={creatableRoles(session.role).map((r) => ({ value: r, label: STAFF_ROLE_LABELS[r] }))}
              rules={[{ required: true }]}
            />
            <ProFormText.Password
              name="password"
              label="初始密码"
              rules={[
                { required: true, message: '请输入初始密码' },
                { min: 8, message: '至少 8 位' },
              ]}
            />
          </ModalForm>,
        ]}
      />
      <ModalForm<{ password: string }>
        title={`重置密码 · ${resetting?.username ?? ''}`}
        open={resetting !== null}
        width={440}
        modalProps={{ destroyOnClose: true, onCancel: () => setResetting(null) }}
        onFinish={async ({ password }) => {
          if (!resetting) return true;
          try {
            await api('PUT', `/admin/staff/${resetting.id}/password`, { body: { password } });
            message.success('密码已重置，请当面告知员工新密码');
            setResetting(null);
            onChanged();
            return true;
          } catch (e) {
            fail(e);
            return false;
          }
        }}
      >
        <ProFormText.Password
          name="password"
          label="新密码"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 8, message: '至少 8 位' },
          ]}
        />
      </ModalForm>
      <Drawer
        title={`操作记录 · ${history?.username ?? ''}`}
        width={560}
        open={history !== null}
        onClose={() => setHistory(null)}
        destroyOnClose
      >
        {history && <AuditTrail objectType="staff" objectId={history.id} />}
      </Drawer>
    </ProCard>
  );
}
