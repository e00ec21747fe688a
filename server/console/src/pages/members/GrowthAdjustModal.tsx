import type { AdminGrowthAdjustmentResponse } from '@tidepool/shared';
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { newRequestId } from './member-labels';

/** 调整成长值: a signed correction with a reason, through the growth ledger; the tier follows. */
export function GrowthAdjustModal({
  open,
  memberId,
  growth,
  onClose,
  onDone,
}: {
  open: boolean;
  memberId: number;
  growth: number;
  onClose: () => void;
  onDone: (result: AdminGrowthAdjustmentResponse) => void;
}) {
  const [form] = Form.useForm<{ growth: number; reason: string }>();
  const [saving, setSaving] = useState(false);
  const requestId = useRef('');
  useEffect(() => {
    if (open) {
      form.resetFields();
      requestId.current = newRequestId('growth');
    }
  }, [open, form]);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      onDone(
        await api<AdminGrowthAdjustmentResponse>('POST', `/admin/members/${memberId}/growth-adjustments`, {
          body: { ...values, requestId: requestId.current },
        }),
      );
    } catch (e) {
      if (e instanceof ApiError && e.code === 'GROWTH_ADJUSTMENT_BELOW_ZERO') {
        form.setFields([{ name: 'growth', errors: [e.message] }]);
      } else if (e instanceof ApiError && e.details.length > 0) {
        form.setFields(
          Object.entries(e.fieldErrors()).map(([name, reason]) => ({
            name: name as 'growth' | 'reason',
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
      title="调整成长值"
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
        message={`调整记入成长值明细，会员等级随之变化，并留下操作记录，不可撤销。当前成长值 ${growth}；扣减不能使成长值小于 0。`}
      />
      <Form form={form} layout="vertical">
        <Form.Item
          name="growth"
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
          label="原因"
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
