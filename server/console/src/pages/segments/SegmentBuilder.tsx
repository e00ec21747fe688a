import { PageContainer, ProCard, ProTable, type ProColumns } from '@ant-design/pro-components';
import {
  LIFECYCLE_STAGE_LABELS,
  type LifecycleStage,
  type SegmentCountResponse,
  type SegmentMemberView,
  type SegmentRule,
  type SegmentView,
} from '@tidepool/shared';
import { Alert, App, Button, Form, Input, Space, Spin, Statistic, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { pagedRequest } from '../../api/pro-table';
import { useIsBrandOperator, useSession } from '../../auth/SessionContext';
import { AuditTrail } from '../../components/AuditTrail';
import { dateTime, yuan } from '../../format';
import { RuleEditor } from './RuleEditor';
import { emptyRule, errorsByRow, ruleComplete, TIER_LABELS } from './segment-form';

/** Counting waits this long after the last edit, so typing a number does not send a request per keystroke. */
const COUNT_DEBOUNCE_MS = 400;

/** 新建 / 编辑人群: the rule builder with a live count, and for a saved segment its members, top spenders first. */
export function SegmentBuilder() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const operator = useIsBrandOperator();
  const [form] = Form.useForm<{ name: string; description: string }>();
  const [rule, setRule] = useState<SegmentRule | null>(id ? null : emptyRule());
  const [loadError, setLoadError] = useState<string | null>(null);
  const [count, setCount] = useState<{ loading: boolean; value: number | null; error: string | null }>({
    loading: false,
    value: null,
    error: null,
  });
  const [ruleErrors, setRuleErrors] = useState<Map<string, string[]>>(new Map());
  const [saving, setSaving] = useState(false);
  const [auditVersion, setAuditVersion] = useState(0);

  useEffect(() => {
    if (!id) return;
    api<SegmentView>('GET', `/admin/segments/${id}`)
      .then((segment) => {
        form.setFieldsValue({ name: segment.name, description: segment.description });
        setRule(segment.rule);
      })
      .catch((e: unknown) => setLoadError(e instanceof ApiError ? e.message : '加载失败'));
  }, [id, form]);

  // Live count: the latest edit wins; an earlier answer arriving late is dropped.
  const latest = useRef(0);
  useEffect(() => {
    if (!rule) return;
    const ticket = ++latest.current;
    if (!ruleComplete(rule)) {
      setCount({ loading: false, value: null, error: null });
      setRuleErrors(new Map());
      return;
    }
    setCount((c) => ({ ...c, loading: true }));
    const timer = setTimeout(() => {
      api<SegmentCountResponse>('POST', '/admin/segments/count', { body: { rule } })
        .then((res) => {
          if (ticket !== latest.current) return;
          setCount({ loading: false, value: res.count, error: null });
          setRuleErrors(new Map());
        })
        .catch((e: unknown) => {
          if (ticket !== latest.current) return;
          const error = e instanceof ApiError ? e : null;
          setCount({ loading: false, value: null, error: error?.message ?? '计算失败' });
          setRuleErrors(errorsByRow(error?.details ?? []));
        });
    }, COUNT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [rule]);

  const save = async () => {
    if (!rule) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      const body = { name: values.name, description: values.description ?? '', rule };
      const saved = id
        ? await api<SegmentView>('PUT', `/admin/segments/${id}`, { body })
        : await api<SegmentView>('POST', '/admin/segments', { body });
      void message.success(id ? '已保存' : '已创建');
      setAuditVersion((v) => v + 1);
      if (!id) void navigate(`/segments/${saved.id}`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setRuleErrors(errorsByRow(error.details));
      const fields = error.details
        .filter((d) => d.field === 'name' || d.field === 'description')
        .map((d) => ({ name: d.field as 'name' | 'description', errors: [d.reason] }));
      if (fields.length) form.setFields(fields);
      void message.error(error.message);
    } finally {
      setSaving(false);
    }
  };

  const title = id ? '编辑人群' : '新建人群';
  if (loadError)
    return (
      <PageContainer title={title}>
        <Alert type="error" message={loadError} />
      </PageContainer>
    );
  if (!rule)
    return (
      <PageContainer title={title}>
        <Spin />
      </PageContainer>
    );
  return (
    <PageContainer title={title} onBack={() => void navigate('/segments')}>
      <ProCard split="vertical" bordered>
        <ProCard colSpan="70%" title="人群条件">
          <Form form={form} layout="vertical" disabled={!operator}>
            <Form.Item
              name="name"
              label="人群名称"
              rules={[{ required: true, message: '请填写人群名称' }, { max: 64 }]}
            >
              <Input placeholder="如：高价值沉睡客" />
            </Form.Item>
            <Form.Item name="description" label="说明" rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Form>
          <RuleEditor rule={rule} onChange={setRule} errors={ruleErrors} readOnly={!operator} />
          {operator && (
            <Space style={{ marginTop: 16 }}>
              <Button type="primary" loading={saving} onClick={() => void save()}>
                保存人群
              </Button>
            </Space>
          )}
        </ProCard>
        <ProCard title="当前人数">
          <Spin spinning={count.loading}>
            <Statistic
              data-testid="segment-count"
              value={count.value ?? '—'}
              suffix={count.value === null ? '' : '人'}
            />
          </Spin>
          {count.error && <Typography.Text type="danger">{count.error}</Typography.Text>}
          {!ruleComplete(rule) && <Typography.Text type="secondary">填写完所有条件后显示人数</Typography.Text>}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            按会员消费事实实时计算{operator ? '' : '（仅本店会员）'}。
          </Typography.Paragraph>
        </ProCard>
      </ProCard>
      {id && <SegmentMembers id={Number(id)} version={auditVersion} />}
      {id && <AuditTrail objectType="segment" objectId={Number(id)} version={auditVersion} />}
    </PageContainer>
  );
}

function SegmentMembers({ id, version }: { id: number; version: number }) {
  const { timeZone } = useSession();
  const request = useMemo(() => pagedRequest<SegmentMemberView>(`/admin/segments/${id}/members`), [id]);
  const columns: ProColumns<SegmentMemberView>[] = [
    { title: '会员 ID', dataIndex: 'memberId', width: 90 },
    { title: '手机号', dataIndex: 'phone', width: 130, render: (_, row) => row.phone ?? '已注销' },
    {
      title: '等级',
      dataIndex: 'tier',
      width: 100,
      render: (_, row) => (row.tier ? (TIER_LABELS[row.tier] ?? row.tier) : '—'),
    },
    {
      title: '生命周期',
      dataIndex: 'stage',
      width: 100,
      render: (_, row) => LIFECYCLE_STAGE_LABELS[row.stage as LifecycleStage] ?? row.stage,
    },
    { title: '近365天消费', dataIndex: 'spend365Fen', width: 130, render: (_, row) => yuan(row.spend365Fen) },
    { title: '近365天订单', dataIndex: 'orders365', width: 110 },
    {
      title: '最近购买',
      dataIndex: 'lastPurchaseAt',
      width: 160,
      render: (_, row) => dateTime(row.lastPurchaseAt, timeZone),
    },
  ];
  return (
    <ProCard title="人群预览（按消费金额排序）" style={{ marginTop: 16 }}>
      <ProTable<SegmentMemberView>
        key={version}
        rowKey="memberId"
        search={false}
        options={false}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50] }}
        request={request}
      />
    </ProCard>
  );
}
