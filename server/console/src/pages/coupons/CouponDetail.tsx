import { ExclamationCircleOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, ProDescriptions, StatisticCard } from '@ant-design/pro-components';
import { type AdminCouponTemplateView, type CouponTemplateFigures, fen } from '@tidepool/shared';
import { Alert, App, Badge, Button, Space, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../auth/SessionContext';
import { AuditTrail } from '../../components/AuditTrail';
import { dateTime, yuan } from '../../format';
import { scopeText, validityText } from './coupon-form';
import { IssueModal } from './IssueModal';
import { KIND_LABELS, STACKING_LABELS, STATUS_BADGES } from './labels';

/** One template: its figures, its terms, issuing, stopping, and its audit trail. */
export function CouponDetail() {
  const { id } = useParams();
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [template, setTemplate] = useState<AdminCouponTemplateView | null>(null);
  const [figures, setFigures] = useState<CouponTemplateFigures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [issuing, setIssuing] = useState(false);

  const load = useCallback(() => {
    Promise.all([
      api<AdminCouponTemplateView>('GET', `/admin/coupon-templates/${id}`),
      api<CouponTemplateFigures>('GET', `/admin/coupon-templates/${id}/figures`),
    ])
      .then(([t, f]) => {
        setTemplate(t);
        setFigures(f);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '加载失败'));
  }, [id]);
  useEffect(load, [load, version]);

  const stop = () =>
    modal.confirm({
      title: '停用这张优惠券？',
      icon: <ExclamationCircleOutlined />,
      content: '停用后不能再发放，也会从领券中心下架；已发到会员手里的券仍可在有效期内使用。',
      okText: '停用',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api('POST', `/admin/coupon-templates/${id}/stop`);
          void message.success('已停用');
          setVersion((v) => v + 1);
        } catch (e) {
          void message.error(e instanceof ApiError ? e.message : '停用失败');
        }
      },
    });

  if (error)
    return (
      <PageContainer title="优惠券">
        <Alert type="error" message={error} />
      </PageContainer>
    );
  if (!template || !figures)
    return (
      <PageContainer title="优惠券">
        <Spin />
      </PageContainer>
    );
  const active = template.status === 'ACTIVE';
  return (
    <PageContainer
      title={template.name}
      subTitle={<Badge status={active ? 'success' : 'default'} text={STATUS_BADGES[template.status].text} />}
      onBack={() => void navigate('/coupons')}
      extra={
        <Space>
          <Button onClick={() => void navigate(`/coupons/${template.id}/edit`)}>编辑</Button>
          <Button type="primary" disabled={!active} onClick={() => setIssuing(true)}>
            发放
          </Button>
          <Button danger disabled={!active} onClick={() => void stop()}>
            停用
          </Button>
        </Space>
      }
    >
      <StatisticCard.Group direction="row" data-testid="coupon-figures">
        <StatisticCard statistic={{ title: '已发放', value: figures.issued, suffix: '张' }} />
        <StatisticCard.Divider />
        <StatisticCard statistic={{ title: '已使用', value: figures.used, suffix: '张' }} />
        <StatisticCard.Divider />
        <StatisticCard statistic={{ title: '未使用', value: figures.unused, suffix: '张' }} />
        <StatisticCard.Divider />
        <StatisticCard statistic={{ title: '已过期', value: figures.expired, suffix: '张' }} />
        <StatisticCard.Divider />
        <StatisticCard
          statistic={{
            title: '用券订单实付',
            value: yuan(fen(figures.gmvFen)),
            description: <span style={{ color: '#888' }}>{figures.usedPurchases} 笔（退款前）</span>,
          }}
        />
        <StatisticCard.Divider />
        <StatisticCard
          statistic={{
            title: '核销率',
            value: figures.issued === 0 ? '—' : `${((figures.used / figures.issued) * 100).toFixed(1)}%`,
          }}
        />
      </StatisticCard.Group>
      <ProCard title="券信息" bordered headerBordered style={{ marginTop: 16 }}>
        <ProDescriptions column={2} dataSource={template}>
          <ProDescriptions.Item label="优惠">{template.label}</ProDescriptions.Item>
          <ProDescriptions.Item label="类型">{KIND_LABELS[template.kind]}</ProDescriptions.Item>
          <ProDescriptions.Item label="使用门槛">
            {template.thresholdFen > 0 ? `满 ${yuan(fen(template.thresholdFen))}` : '无门槛'}
          </ProDescriptions.Item>
          <ProDescriptions.Item label="适用范围">{scopeText(template)}</ProDescriptions.Item>
          <ProDescriptions.Item label="有效期">{validityText(template, timeZone)}</ProDescriptions.Item>
          <ProDescriptions.Item label="叠加">{STACKING_LABELS[template.stacking]}</ProDescriptions.Item>
          <ProDescriptions.Item label="库存">
            已发出 {template.claimedCount} / {template.claimTotal ?? '不限'}
          </ProDescriptions.Item>
          <ProDescriptions.Item label="领券中心">
            {template.claimable ? `展示，每人限领 ${template.claimPerMember} 张` : '不展示'}
          </ProDescriptions.Item>
          <ProDescriptions.Item label="编码">{template.code}</ProDescriptions.Item>
          <ProDescriptions.Item label="版本">
            v{template.version} · 创建于 {dateTime(template.createdAt, timeZone)}
          </ProDescriptions.Item>
        </ProDescriptions>
      </ProCard>
      <AuditTrail objectType="coupon_template" objectId={template.id} version={version} />
      <IssueModal
        template={template}
        open={issuing}
        onClose={(changed) => {
          setIssuing(false);
          if (changed) setVersion((v) => v + 1);
        }}
      />
    </PageContainer>
  );
}
