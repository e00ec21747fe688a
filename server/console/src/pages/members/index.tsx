import { PageContainer, ProCard, ProDescriptions } from '@ant-design/pro-components';
import { MAINLAND_MOBILE_PATTERN, type OperatorMemberSearchResponse, type OperatorMemberView } from '@tidepool/shared';
import { Alert, App, Button, Empty, Form, Input, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, download } from '../../api/client';
import { useSession } from '../../auth/SessionContext';
import { AuditTrail } from '../../components/AuditTrail';
import { dateTime } from '../../format';
import { BindingHistoryDrawer } from '../promoters/BindingHistoryDrawer';
import { DeletionRequests } from './DeletionRequests';
import { LedgerAdjustModal } from './LedgerAdjustModal';
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
      <LedgerAdjustModal
        ledger="points"
        open={adjusting}
        memberId={id}
        current={member.points}
        onClose={() => setAdjusting(false)}
        onDone={(result) => {
          setAdjusting(false);
          message.success(`已调整，当前可用积分 ${result.available}`);
          setVersion((n) => n + 1);
        }}
      />
      <BindingHistoryDrawer memberId={bindings ? id : null} onClose={() => setBindings(false)} />
      <LedgerAdjustModal
        ledger="growth"
        open={adjustingGrowth}
        memberId={id}
        current={member.growth}
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
