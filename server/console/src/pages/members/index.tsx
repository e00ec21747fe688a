import { PageContainer, ProCard, ProDescriptions } from '@ant-design/pro-components';
import {
  MAINLAND_MOBILE_PATTERN,
  type AdminPointsAdjustmentResponse,
  type OperatorMemberSearchResponse,
  type OperatorMemberView,
} from '@tidepool/shared';
import { Alert, App, Button, Empty, Form, Input, InputNumber, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, download } from '../../api/client';
import { useSession } from '../../auth/SessionContext';
import { AuditTrail } from '../../components/AuditTrail';
import { dateTime } from '../../format';
import { BindingHistoryDrawer } from '../promoters/BindingHistoryDrawer';
import { DeletionRequests } from './DeletionRequests';
import { GrowthAdjustModal } from './GrowthAdjustModal';
import { newRequestId } from './member-labels';
import { MemberTabs } from './MemberTabs';

/**
 * 会员: find a member by full phone, open their profile (points ledger and lots, growth, vouchers, consents),
 * correct points or growth with a reason, export their personal data, and process deletion requests.
 */
export default function MembersArea() {
  return (
    <Routes>
      <Route index element={<MemberSearch />} />
      <Route path="deletion-requests" element={<DeletionRequests />} />
      <Route path=":id" element={<MemberProfile />} />
    </Routes>
  );
}

function MemberSearch() {
  const navigate = useNavigate();
  const { timeZone } = useSession();
  const [result, setResult] = useState<OperatorMemberSearchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const search = async ({ phone }: { phone: string }) => {
    setLoading(true);
    setError(null);
    try {
      setResult(await api<OperatorMemberSearchResponse>('GET', '/admin/members', { query: { phone } }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '查询失败，请稍后重试');
    } finally {
      setLoading(false);
    }
  };
  return (
    <PageContainer
      title="会员"
      subTitle="按完整手机号查找会员；列表与详情中手机号均脱敏显示"
      extra={<Button onClick={() => void navigate('/members/deletion-requests')}>注销申请</Button>}
    >
      <ProCard bordered>
        <Form layout="inline" onFinish={(values: { phone: string }) => void search(values)}>
          <Form.Item
            name="phone"
            label="手机号"
            rules={[
              { required: true, message: '请输入手机号' },
              { pattern: MAINLAND_MOBILE_PATTERN, message: '请输入 1 开头的 11 位手机号' },
            ]}
          >
            <Input placeholder="输入完整手机号" maxLength={11} style={{ width: 220 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={loading}>
            查询
          </Button>
        </Form>
      </ProCard>
      <ProCard bordered style={{ marginTop: 16 }}>
        {error ? (
          <Alert type="error" showIcon message={error} />
        ) : result === null ? (
          <Empty description="输入手机号查找会员" image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : result.items.length === 0 ? (
          <Empty description="未找到该手机号的会员" />
        ) : (
          result.items.map((m) => (
            <div key={m.id} data-testid="member-result" style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
              <Typography.Text strong>{m.phoneMasked}</Typography.Text>
              <Tag color="gold">{m.tier.name}</Tag>
              <Typography.Text type="secondary">入会 {dateTime(m.signedUpAt, timeZone)}</Typography.Text>
              <Button type="link" onClick={() => void navigate(`/members/${m.id}`)}>
                查看详情
              </Button>
            </div>
          ))
        )}
      </ProCard>
    </PageContainer>
  );
}

function MemberProfile() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { timeZone } = useSession();
  const { message } = App.useApp();
  const [member, setMember] = useState<OperatorMemberView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const [adjustingGrowth, setAdjustingGrowth] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [bindings, setBindings] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    setError(null);
    api<OperatorMemberView>('GET', `/admin/members/${id}`)
      .then(setMember)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '会员信息加载失败'));
  }, [id, version]);

  if (error) {
    return (
      <PageContainer onBack={() => void navigate('/members')}>
        <Alert type="error" showIcon message={error} />
      </PageContainer>
    );
  }
  if (!member) return <Spin style={{ display: 'block', padding: 64 }} />;
  return (
    <PageContainer
      title={`会员 ${member.phoneMasked ?? `#${member.id}`}`}
      onBack={() => void navigate('/members')}
      extra={
        <Space>
          <Button
            loading={exporting}
            onClick={() => {
              setExporting(true);
              download(`/admin/members/${id}/personal-data`, undefined, `member-${id}-personal-data.json`)
                .then(() => setVersion((n) => n + 1))
                .catch((e: unknown) => message.error(e instanceof ApiError ? e.message : '导出失败，请稍后重试'))
                .finally(() => setExporting(false));
            }}
          >
            导出个人数据
          </Button>
          <Button onClick={() => setBindings(true)}>推手绑定</Button>
          <Button onClick={() => setAdjustingGrowth(true)}>调整成长值</Button>
          <Button type="primary" onClick={() => setAdjusting(true)}>
            调整积分
          </Button>
        </Space>
      }
    >
      <ProCard bordered>
        <ProDescriptions column={3}>
          <ProDescriptions.Item label="会员 ID">{member.id}</ProDescriptions.Item>
          <ProDescriptions.Item label="手机号">{member.phoneMasked ?? '—'}</ProDescriptions.Item>
          <ProDescriptions.Item label="等级">
            <Tag color="gold">{member.tier.name}</Tag>
          </ProDescriptions.Item>
          <ProDescriptions.Item label="可用积分">
            <span data-testid="member-points">{member.points}</span>
          </ProDescriptions.Item>
          <ProDescriptions.Item label="成长值">
            <span data-testid="member-growth">{member.growth}</span>
          </ProDescriptions.Item>
          <ProDescriptions.Item label="入会时间">{dateTime(member.signedUpAt, timeZone)}</ProDescriptions.Item>
        </ProDescriptions>
      </ProCard>
      <MemberTabs memberId={id} version={version} />
      <AuditTrail objectType="member" objectId={id} version={version} />
      <AdjustPointsModal
        open={adjusting}
        memberId={id}
        available={member.points}
        onClose={() => setAdjusting(false)}
        onDone={(result) => {
          setAdjusting(false);
          message.success(`已调整，当前可用积分 ${result.available}`);
          setVersion((n) => n + 1);
        }}
      />
      <BindingHistoryDrawer memberId={bindings ? id : null} onClose={() => setBindings(false)} />
      <GrowthAdjustModal
        open={adjustingGrowth}
        memberId={id}
        growth={member.growth}
        onClose={() => setAdjustingGrowth(false)}
        onDone={(result) => {
          setAdjustingGrowth(false);
          message.success(`已调整，当前成长值 ${result.growthAfter}（${result.tier.name}）`);
          setVersion((n) => n + 1);
        }}
      />
    </PageContainer>
  );
}

function AdjustPointsModal({
  open,
  memberId,
  available,
  onClose,
  onDone,
}: {
  open: boolean;
  memberId: number;
  available: number;
  onClose: () => void;
  onDone: (result: AdminPointsAdjustmentResponse) => void;
}) {
  const [form] = Form.useForm<{ points: number; reason: string }>();
  const [saving, setSaving] = useState(false);
  // One id per opening: a retried submit never adjusts twice.
  const requestId = useRef('');
  useEffect(() => {
    if (open) {
      form.resetFields();
      requestId.current = newRequestId();
    }
  }, [open, form]);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      onDone(
        await api<AdminPointsAdjustmentResponse>('POST', `/admin/members/${memberId}/points-adjustments`, {
          body: { ...values, requestId: requestId.current },
        }),
      );
    } catch (e) {
      if (e instanceof ApiError && e.code === 'POINTS_ADJUSTMENT_BELOW_ZERO') {
        form.setFields([{ name: 'points', errors: [e.message] }]);
      } else if (e instanceof ApiError && e.details.length > 0) {
        form.setFields(
          Object.entries(e.fieldErrors()).map(([name, reason]) => ({
            name: name as 'points' | 'reason',
            errors: [reason],
          })),
        );
      } else {
        form.setFields([{ name: 'reason', errors: [e instanceof ApiError ? e.message : '调整失败，请稍后重试'] }]);
      }
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="调整积分"
      open={open}
      onCancel={onClose}
      okText="确认调整"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      destroyOnClose
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={`调整会记入会员的积分明细并留下操作记录，不可撤销。当前可用 ${available} 积分；扣减不能使积分小于 0。`}
      />
      <Form form={form} layout="vertical">
        <Form.Item
          name="points"
          label="调整数量（正数增加，负数扣减）"
          rules={[
            { required: true, message: '请输入调整数量' },
            {
              validator: (_, v: number) =>
                v === 0 ? Promise.reject(new Error('调整数量不能为 0')) : Promise.resolve(),
            },
          ]}
        >
          <InputNumber precision={0} min={-1_000_000} max={1_000_000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="原因（会员可在我的积分中看到）"
          rules={[
            { required: true, message: '请填写调整原因' },
            { min: 2, message: '原因至少 2 个字' },
          ]}
        >
          <Input maxLength={60} showCount />
        </Form.Item>
      </Form>
      <Space />
    </Modal>
  );
}
