import { ProCard } from '@ant-design/pro-components';
import type { AuditEntryView, AuditObjectType, Page } from '@tidepool/shared';
import { Alert, Empty, Spin, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useSession } from '../auth/SessionContext';
import { dateTime } from '../format';
import { changedFields } from './audit-diff';

/**
 * The audit entries of one object, newest first: who changed what and when, with the fields that changed.
 * Detail pages put it at the bottom; `version` bumps after a write so the new entry shows at once.
 */
export function AuditTrail({
  objectType,
  objectId,
  version = 0,
}: {
  objectType: AuditObjectType;
  objectId: number | string;
  version?: number;
}) {
  const { timeZone } = useSession();
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api<Page<AuditEntryView>>('GET', '/admin/audit', {
      query: { objectType, objectId: String(objectId), pageSize: 50 },
    })
      .then((page) => live && setEntries(page.items))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : '操作记录加载失败'));
    return () => {
      live = false;
    };
  }, [objectType, objectId, version]);

  return (
    <ProCard title="操作记录" bordered headerBordered style={{ marginTop: 16 }}>
      {error ? (
        <Alert type="error" message={error} />
      ) : entries === null ? (
        <Spin />
      ) : entries.length === 0 ? (
        <Empty description="暂无操作记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={entries.map((entry) => ({
            key: entry.id,
            children: (
              <div data-testid="audit-entry">
                <Typography.Text strong>{entry.actorName}</Typography.Text>{' '}
                <Typography.Text type="secondary">{dateTime(entry.at, timeZone)}</Typography.Text>{' '}
                <Typography.Text code>{entry.action}</Typography.Text>
                {changedFields(entry.before, entry.after).map((change) => (
                  <div key={change.field} style={{ fontSize: 12, color: '#666' }}>
                    {change.field}：{change.before} → {change.after}
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      )}
    </ProCard>
  );
}
