import { PageContainer, ProTable, type ActionType } from '@ant-design/pro-components';
import type { AdminMemberDeletionRequestView } from '@tidepool/shared';
import { Alert, App, Button, Input, Modal, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { pagedRequest } from '../../api/pro-table';
import { useSession } from '../../auth/SessionContext';
import { dateTime } from '../../format';
import { confirmationProblem } from './member-labels';

/** 注销申请: the PIPL deletion-request queue; processing one anonymises the member after a typed confirmation. */
export function DeletionRequests() {
  const navigate = useNavigate();
  const { timeZone } = useSession();
  const { message } = App.useApp();
  const table = useRef<ActionType>();
  const [processing, setProcessing] = useState<AdminMemberDeletionRequestView | null>(null);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const confirm = async () => {
    if (!processing) return;
    const local = confirmationProblem(typed, processing.memberId);
    if (local) {
      setProblem(local);
      return;
    }
    setSaving(true);
    try {
      await api('POST', `/admin/members/deletion-requests/${processing.id}/process`, {
        body: { confirmMemberId: Number(typed.trim()) },
      });
      message.success('已注销该会员的账号');
      setProcessing(null);
      void table.current?.reload();
    } catch (e) {
      setProblem(e instanceof ApiError ? (e.fieldErrors().confirmMemberId ?? e.message) : '处理失败，请稍后重试');
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer
      title="注销申请"
      subTitle="会员在小程序提交的账号注销申请（个人信息保护法）"
      onBack={() => void navigate('/members')}
    >
      <ProTable<AdminMemberDeletionRequestView>
        actionRef={table}
        rowKey="id"
        options={false}
        form={{ initialValues: { status: 'PENDING' } }}
        locale={{ emptyText: '暂无注销申请' }}
        request={pagedRequest<AdminMemberDeletionRequestView>('/admin/members/deletion-requests')}
        columns={[
          {
            title: '状态',
            dataIndex: 'status',
            valueType: 'select',
            valueEnum: { PENDING: { text: '待处理' }, DONE: { text: '已注销' } },
            render: (_, row) => (row.status === 'PENDING' ? <Tag color="orange">待处理</Tag> : <Tag>已注销</Tag>),
          },
          { title: '会员 ID', dataIndex: 'memberId', search: false },
          { title: '手机号', dataIndex: 'phoneMasked', search: false, render: (_, row) => row.phoneMasked ?? '—' },
          {
            title: '申请时间',
            dataIndex: 'requestedAt',
            search: false,
            render: (_, row) => dateTime(row.requestedAt, timeZone),
          },
          {
            title: '处理',
            dataIndex: 'processedAt',
            search: false,
            render: (_, row) =>
              row.processedAt ? `${dateTime(row.processedAt, timeZone)} ${row.processedBy ?? ''}` : '—',
          },
          {
            title: '操作',
            valueType: 'option',
            render: (_, row) =>
              row.status === 'PENDING'
                ? [
                    <Button
                      key="process"
                      type="link"
                      danger
                      onClick={() => {
                        setTyped('');
                        setProblem(null);
                        setProcessing(row);
                      }}
                    >
                      处理注销
                    </Button>,
                  ]
                : [],
          },
        ]}
      />
      <Modal
        title="确认注销会员账号"
        open={processing !== null}
        onCancel={() => setProcessing(null)}
        okText="确认注销"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void confirm()}
        destroyOnClose
      >
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message="注销后会员的手机号、微信身份、生日等个人信息将被匿名化，无法恢复；积分与订单记录仅以匿名编号保留。"
        />
        <Typography.Paragraph>
          请输入会员 ID <Typography.Text strong>{processing?.memberId}</Typography.Text> 以确认：
        </Typography.Paragraph>
        <Input
          value={typed}
          status={problem ? 'error' : undefined}
          onChange={(e) => {
            setTyped(e.target.value);
            setProblem(null);
          }}
          placeholder="会员 ID"
        />
        {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      </Modal>
    </PageContainer>
  );
}
