import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import type { AdminPromoterView } from '@tidepool/shared';
import { App, Popconfirm } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, ApiError } from '../../api/client';
import { promoterActions } from './promoter-rules';

/** The review and status buttons of a promoter, and the refusal dialog they share; `done` reloads the caller. */
export function usePromoterActions(done: () => void): {
  buttons: (row: AdminPromoterView) => ReactNode[];
  dialog: ReactNode;
} {
  const { message } = App.useApp();
  const [refusing, setRefusing] = useState<AdminPromoterView | null>(null);

  const act = async (row: AdminPromoterView, action: 'approve' | 'disable', success: string) => {
    try {
      await api('POST', `/admin/distribution/promoters/${row.id}/${action}`);
      message.success(success);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败，请重试');
    }
    done();
  };

  const buttons = (row: AdminPromoterView): ReactNode[] =>
    promoterActions(row.status).map((action) => {
      switch (action) {
        case 'approve':
          return (
            <Popconfirm
              key="approve"
              title={`通过 ${row.displayName} 的推手申请？`}
              onConfirm={() => void act(row, 'approve', '已通过')}
            >
              <a>通过</a>
            </Popconfirm>
          );
        case 'reject':
          return (
            <a key="reject" style={{ color: '#cf1322' }} onClick={() => setRefusing(row)}>
              拒绝
            </a>
          );
        case 'disable':
          return (
            <Popconfirm
              key="disable"
              title={`停用推手 ${row.displayName}？`}
              description="停用后不再绑定新客户、不再产生佣金；已有余额保留。"
              okText="停用"
              okButtonProps={{ danger: true }}
              onConfirm={() => void act(row, 'disable', '已停用')}
            >
              <a style={{ color: '#cf1322' }}>停用</a>
            </Popconfirm>
          );
        case 'enable':
          return (
            <Popconfirm
              key="enable"
              title={`重新启用 ${row.displayName}？`}
              onConfirm={() => void act(row, 'approve', '已启用')}
            >
              <a>启用</a>
            </Popconfirm>
          );
      }
    });

  const dialog = (
    <ModalForm<{ reason: string }>
      title={refusing ? `拒绝推手申请：${refusing.displayName}` : ''}
      open={refusing !== null}
      width={480}
      modalProps={{
        destroyOnClose: true,
        onCancel: () => setRefusing(null),
        okText: '确认拒绝',
        okButtonProps: { danger: true },
      }}
      onFinish={async ({ reason }) => {
        if (!refusing) return true;
        try {
          await api('POST', `/admin/distribution/promoters/${refusing.id}/reject`, { body: { reason } });
          message.success('已拒绝，申请人会看到原因');
          setRefusing(null);
          done();
          return true;
        } catch (e) {
          message.error(e instanceof ApiError ? e.message : '操作失败，请重试');
          return false;
        }
      }}
    >
      <ProFormTextArea
        name="reason"
        label="拒绝原因"
        rules={[
          { required: true, whitespace: true, message: '请填写拒绝原因' },
          { max: 200, message: '最多 200 字' },
        ]}
        fieldProps={{ rows: 3, showCount: true, maxLength: 200 }}
      />
    </ModalForm>
  );
  return { buttons, dialog };
}
