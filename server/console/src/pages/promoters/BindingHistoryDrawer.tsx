import type { AdminCustomerBindingHistory } from '@tidepool/shared';
import { Alert, Descriptions, Drawer, Empty, Spin, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../auth/SessionContext';
import { dateTime } from '../../format';
import { BINDING_OUTCOME_LABELS } from './promoter-rules';

/** A customer's binding and every decision about it, oldest first: what settles "whose customer is this". */
export function BindingHistoryDrawer({ memberId, onClose }: { memberId: number | null; onClose: () => void }) {
  const { timeZone } = useSession();
  const [history, setHistory] = useState<AdminCustomerBindingHistory | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setHistory(null);
    setError(null);
    if (memberId === null) return;
    api<AdminCustomerBindingHistory>('GET', `/admin/distribution/customers/${memberId}/bindings`)
      .then(setHistory)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '绑定记录加载失败'));
  }, [memberId]);

  return (
    <Drawer title={`客户绑定记录 · 会员 #${memberId ?? ''}`} width={560} open={memberId !== null} onClose={onClose}>
      {error && <Alert type="error" message={error} />}
      {!error && !history && <Spin />}
      {history && (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 24 }}>
            <Descriptions.Item label="会员">
              #{history.memberId} {history.phoneMasked ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label="当前推手">
              {history.current ? (
                <Link to={`/promoters/${history.current.promoterId}`}>
                  {history.current.promoterName} #{history.current.promoterId}
                </Link>
              ) : (
                '未绑定'
              )}
            </Descriptions.Item>
            {history.current && (
              <Descriptions.Item label="保护期至">
                {dateTime(history.current.protectedUntil, timeZone)}
              </Descriptions.Item>
            )}
          </Descriptions>
          {history.events.length === 0 ? (
            <Empty description="没有绑定记录" />
          ) : (
            <Timeline
              items={history.events.map((e) => ({
                color:
                  e.outcome === 'BOUND' || e.outcome === 'REBOUND' ? 'blue' : e.outcome === 'KEPT' ? 'orange' : 'gray',
                children: (
                  <div>
                    <Typography.Text strong>{BINDING_OUTCOME_LABELS[e.outcome]}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{dateTime(e.at, timeZone)}</Typography.Text>
                    <div style={{ fontSize: 12 }}>
                      分享人：{e.promoterName} #{e.promoterId}
                      {e.previousPromoterId !== null &&
                        `；原推手：${e.previousPromoterName ?? ''} #${e.previousPromoterId}`}
                      {e.protectedUntil && `；保护期至 ${dateTime(e.protectedUntil, timeZone)}`}
                    </div>
                  </div>
                ),
              }))}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
