import { PageContainer, ProCard, ProDescriptions, StatisticCard } from '@ant-design/pro-components';
import { type DropAdminView, fen } from '@tidepool/shared';
import { Alert, App, Button, Empty, Popconfirm, Progress, Result, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../auth/SessionContext';
import { AuditTrail } from '../../components/AuditTrail';
import { dateTime, yuan } from '../../format';
import { DropStateTag, earlyAccessText, weeklyText } from './labels';
import { usePolling } from './use-polling';

/** How often the figures refresh while buyers may act: close enough to watch the rush, light on the server. */
export const LIVE_POLL_MS = 3000;

/** A drop: its schedule, live sold / reserved / left per item while it runs, cancel before it opens, its trail. */
export function DropDetailPage() {
  const { id } = useParams();
  const dropId = Number(id);
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [drop, setDrop] = useState<DropAdminView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [auditVersion, setAuditVersion] = useState(0);
  const [cancelling, setCancelling] = useState(false);

  const load = useCallback(async () => {
    try {
      setDrop(await api<DropAdminView>('GET', `/admin/drops/${dropId}`));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败');
    }
  }, [dropId]);
  useEffect(() => {
    void load();
  }, [load]);
  // Before opening too, so the page turns to 进行中 by itself when the drop opens.
  usePolling(load, LIVE_POLL_MS, drop?.state === 'OPEN' || drop?.state === 'UPCOMING');

  const cancel = async () => {
    setCancelling(true);
    try {
      setDrop(await api<DropAdminView>('POST', `/admin/drops/${dropId}/cancel`));
      setAuditVersion((v) => v + 1);
      message.success('团购已取消');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '取消失败');
      void load();
    } finally {
      setCancelling(false);
    }
  };

  if (!Number.isInteger(dropId) || dropId < 1) return <Result status="404" title="团购不存在" />;
  if (!drop) {
    return (
      <PageContainer title="团购详情" onBack={() => void navigate('/drops')}>
        {error ? <Alert type="error" message={error} /> : <Spin />}
      </PageContainer>
    );
  }
  return (
    <PageContainer
      title={drop.title}
      onBack={() => void navigate('/drops')}
      tags={<DropStateTag state={drop.state} />}
      extra={
        drop.state === 'UPCOMING' ? (
          <Popconfirm
            title="确定取消该团购？"
            description={
              drop.recurrence === 'WEEKLY' ? '每周团购取消后，之后各周也不再生成。' : '取消后会员将看不到该团购。'
            }
            okText="确定取消"
            cancelText="再想想"
            okButtonProps={{ danger: true, loading: cancelling }}
            onConfirm={() => void cancel()}
          >
            <Button danger>取消团购</Button>
          </Popconfirm>
        ) : null
      }
    >
      {error && <Alert type="warning" showIcon message={`刷新失败：${error}`} style={{ marginBottom: 16 }} />}
      <ProCard bordered style={{ marginBottom: 16 }}>
        <ProDescriptions column={3} dataSource={drop}>
          <ProDescriptions.Item label="周期">{weeklyText(drop)}</ProDescriptions.Item>
          <ProDescriptions.Item label="开始时间">{dateTime(drop.opensAt, timeZone)}</ProDescriptions.Item>
          <ProDescriptions.Item label="结束时间">{dateTime(drop.closesAt, timeZone)}</ProDescriptions.Item>
          <ProDescriptions.Item label="会员优先购">{earlyAccessText(drop.earlyAccess)}</ProDescriptions.Item>
          <ProDescriptions.Item label="最早可购">{dateTime(drop.firstOpensAt, timeZone)}</ProDescriptions.Item>
          <ProDescriptions.Item label="开抢提醒">
            {drop.remindersSent} / {drop.reminders} 已发送
          </ProDescriptions.Item>
          {drop.nextOpenings.length > 0 && (
            <ProDescriptions.Item label="之后场次" span={3}>
              {drop.nextOpenings.map((at) => dateTime(at, timeZone)).join('，')}
            </ProDescriptions.Item>
          )}
          {drop.description && (
            <ProDescriptions.Item label="活动说明" span={3}>
              {drop.description}
            </ProDescriptions.Item>
          )}
        </ProDescriptions>
      </ProCard>
      <ProCard
        title="实时数据"
        bordered
        headerBordered
        extra={
          <Typography.Text type="secondary" data-testid="live-updated">
            {drop.state === 'OPEN' || drop.state === 'UPCOMING'
              ? `每 ${LIVE_POLL_MS / 1000} 秒刷新 · ${dateTime(drop.serverTime, timeZone)}`
              : `截至 ${dateTime(drop.serverTime, timeZone)}`}
          </Typography.Text>
        }
      >
        {drop.items.length === 0 ? (
          <Empty />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            {drop.items.map((item) => (
              <div key={item.id} data-testid={`drop-item-${item.id}`}>
                <StatisticCard.Group
                  bordered
                  title={`${item.productName}${item.specText ? ` · ${item.specText}` : ''}`}
                  extra={`团购价 ${yuan(fen(item.dropPriceFen))}（原价 ${yuan(fen(item.listPriceFen))}）· 每人限购 ${item.perMemberLimit}`}
                >
                  <StatisticCard statistic={{ title: '已售', value: item.sold }} data-testid="stat-sold" />
                  <StatisticCard.Divider />
                  <StatisticCard
                    statistic={{ title: '待支付占用', value: item.reserved }}
                    data-testid="stat-reserved"
                  />
                  <StatisticCard.Divider />
                  <StatisticCard statistic={{ title: '剩余', value: item.left }} data-testid="stat-left" />
                  <StatisticCard.Divider />
                  <StatisticCard
                    statistic={{ title: '团购总量', value: item.cap }}
                    chart={
                      <Progress
                        percent={Math.round(((item.sold + item.reserved) / item.cap) * 100)}
                        success={{ percent: Math.round((item.sold / item.cap) * 100) }}
                        size="small"
                      />
                    }
                  />
                </StatisticCard.Group>
              </div>
            ))}
          </Space>
        )}
      </ProCard>
      <AuditTrail objectType="drop" objectId={drop.id} version={auditVersion} />
    </PageContainer>
  );
}
