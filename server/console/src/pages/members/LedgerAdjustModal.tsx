import type { AdminGrowthAdjustmentResponse, AdminPointsAdjustmentResponse } from '@tidepool/shared';
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { newRequestId } from './member-labels';

/** What each ledger's adjustment posts, refuses below zero with, and tells the operator. */
const LEDGERS = {
  points: {
    title: '调整积分',
    path: 'points-adjustments',
    belowZero: 'POINTS_ADJUSTMENT_BELOW_ZERO',
    warning: (current: number) =>
      `调整会记入会员的积分明细并留下操作记录，不可撤销。当前可用 ${current} 积分；扣减不能使积分小于 0。`,
    reasonLabel: '原因（会员可在我的积分中看到）',
  },
  growth: {
    title: '调整成长值',
    path: 'growth-adjustments',
    belowZero: 'GROWTH_ADJUSTMENT_BELOW_ZERO',
    warning: (current: number) =>
      `调整记入成长值明细，会员等级随之变化，并留下操作记录，不可撤销。当前成长值 ${current}；扣减不能使成长值小于 0。`,
    reasonLabel: '原因',
  },
} as const;

interface Results {
  points: AdminPointsAdjustmentResponse;
  growth: AdminGrowthAdjustmentResponse;
}

/**
 * 调整积分 / 调整成长值: a signed correction with a required reason, through the member's ledger of that kind.
 * One request id per opening, so a retried submit never adjusts twice.
 */
export function LedgerAdjustModal<K extends keyof typeof LEDGERS>({
  ledger,
  open,
  memberId,
  current,
  onClose,
  onDone,
}: {
  ledger: K;
  open: boolean;
  memberId: number;
  current: number;
  onClose: () => void;
  onDone: (result: Results[K]) => void;
}) {
  const copy = LEDGERS[ledger];
  // The amount's field is named after the ledger, as the route's body names it (`points` or `growth`).
  const amountField: string = ledger;
  const [form] = Form.useForm<Record<string, number | string>>();
  const [saving, setSaving] = useState(false);
  const requestId = useRef('');
  useEffect(() => {
    if (open) {
      form.resetFields();
      requestId.current = newRequestId(ledger);
    }
  }, [open, form, ledger]);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      onDone(
        await api<Results[K]>('POST', `/admin/members/${memberId}/${copy.path}`, {
          body: { ...values, requestId: requestId.current },
        }),
      );
    } catch (e) {
      if (e instanceof ApiError && e.code === copy.belowZero) {
        form.setFields([{ name: ledger, errors: [e.message] }]);
      } else if (e instanceof ApiError && e.details.length > 0) {
        form.setFields(Object.entries(e.fieldErrors()).map(([name, reason]) => ({ name, errors: [reason] })));
      } else {
        form.setFields([{ name: 'reason', errors: [e instanceof ApiError ? e.message : '调整失败，请稍后重试'] }]);
      }
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={copy.title}
      open={open}
      onCancel={onClose}
      okText="确认调整"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      destroyOnClose
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={copy.warning(current)} />
      <Form form={form} layout="vertical">
        <Form.Item
          name={amountField}
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
          label={copy.reasonLabel}
          rules={[
            { required: true, message: '请填写调整原因' },
            { min: 2, message: '原因至少 2 个字' },
          ]}
        >
          <Input maxLength={60} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
