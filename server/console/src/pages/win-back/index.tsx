import {
  PageContainer,
  ProCard,
  ProForm,
  ProFormDigit,
  ProFormSelect,
  ProFormSwitch,
} from '@ant-design/pro-components';
import type {
  AdminCouponTemplateView,
  GroupRate,
  Page,
  WinBackProgrammeRequest,
  WinBackProgrammeView,
  WinBackReportResponse,
  WinBackWaveReport,
} from '@tidepool/shared';
import { Alert, App, Form, Spin, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { AuditTrail } from '../../components/AuditTrail';
import { rateText, signedPoints } from './win-back-format';

interface FormValues {
  enabled: boolean;
  wave1TemplateCode: string | null;
  wave2TemplateCode: string | null;
  wave2AfterDays: number;
  /** The form shows percent; the API speaks basis points. */
  holdoutPercent: number;
}

/** 流失挽回: the programme's settings (two coupon waves and the held-out share) and its results per wave. */
export default function WinBackArea() {
  return (
    <App component={false}>
      <WinBackPage />
    </App>
  );
}

function WinBackPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [programme, setProgramme] = useState<WinBackProgrammeView | null>(null);
  const [templates, setTemplates] = useState<{ value: string; label: string }[]>([]);
  const [report, setReport] = useState<WinBackReportResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [auditVersion, setAuditVersion] = useState(0);

  const load = useCallback(() => {
    Promise.all([
      api<WinBackProgrammeView>('GET', '/admin/win-back/programme'),
      api<Page<AdminCouponTemplateView>>('GET', '/admin/coupon-templates', {
        query: { status: 'ACTIVE', pageSize: 50 },
      }),
      api<WinBackReportResponse>('GET', '/admin/win-back/report'),
    ])
      .then(([p, t, r]) => {
        setProgramme(p);
        setTemplates(t.items.map((tpl) => ({ value: tpl.code, label: `${tpl.name}（${tpl.label}）` })));
        setReport(r);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '加载失败'));
  }, []);
  useEffect(load, [load]);

  const save = async (values: FormValues) => {
    const body: WinBackProgrammeRequest = {
      enabled: values.enabled,
      wave1TemplateCode: values.wave1TemplateCode ?? null,
      wave2TemplateCode: values.wave2TemplateCode ?? null,
      wave2AfterDays: values.wave2AfterDays,
      holdoutBp: Math.round(values.holdoutPercent * 100),
    };
    try {
      setProgramme(await api<WinBackProgrammeView>('PUT', '/admin/win-back/programme', { body }));
      setAuditVersion((v) => v + 1);
      void message.success('已保存，次日起按新设置执行');
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      form.setFields(
        e.details.map((d) => ({
          name: (d.field === 'holdoutBp' ? 'holdoutPercent' : d.field) as keyof FormValues,
          errors: [d.reason],
        })),
      );
      void message.error(e.message);
      return false;
    }
  };

  if (error)
    return (
      <PageContainer title="流失挽回">
        <Alert type="error" message={error} />
      </PageContainer>
    );
  if (!programme || !report)
    return (
      <PageContainer title="流失挽回">
        <Spin />
      </PageContainer>
    );
  return (
    <PageContainer
      title="流失挽回"
      content="每天为“衰退期”的高频会员（近365天订单达到高频门槛）发放第一波券；到期仍未回购的发第二波更大的券。对照组不发券，用来衡量真实效果。"
    >
      <ProCard title="方案设置" bordered>
        <ProForm<FormValues>
          form={form}
          layout="horizontal"
          labelCol={{ span: 5 }}
          wrapperCol={{ span: 12 }}
          initialValues={{ ...programme, holdoutPercent: programme.holdoutBp / 100 }}
          onFinish={save}
          submitter={{ searchConfig: { submitText: '保存设置' }, resetButtonProps: false }}
        >
          <ProFormSwitch name="enabled" label="启用" />
          <ProFormSelect
            name="wave1TemplateCode"
            label="第一波优惠券"
            options={templates}
            placeholder="选择优惠券模板"
          />
          <ProFormSelect name="wave2TemplateCode" label="第二波优惠券" options={templates} placeholder="通常力度更大" />
          <ProFormDigit
            name="wave2AfterDays"
            label="第二波间隔"
            min={1}
            max={90}
            fieldProps={{ precision: 0, addonAfter: '天' }}
          />
          <ProFormDigit
            name="holdoutPercent"
            label="对照组比例"
            min={0}
            max={50}
            fieldProps={{ precision: 2, addonAfter: '%' }}
            extra="对照组会员不发券，按会员稳定分配"
          />
        </ProForm>
      </ProCard>
      <ProCard title="效果" bordered style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">
          回购：发券后 {report.measureDays}{' '}
          天内有购买。仍在观察期内、尚未回购的会员计为“观察中”，不计入比例。差值为实验组减对照组的回购率（百分点），附
          95% 置信区间。
        </Typography.Paragraph>
        <Table<WinBackWaveReport>
          rowKey="wave"
          pagination={false}
          dataSource={report.waves}
          locale={{ emptyText: '暂无数据' }}
          columns={[
            { title: '波次', dataIndex: 'wave', render: (w: number) => `第${w === 1 ? '一' : '二'}波` },
            { title: '实验组（回购 / 人数）', render: (_, row) => groupText(row.treated) },
            { title: '实验组回购率', render: (_, row) => rateText(row.treated.rate) },
            { title: '对照组（回购 / 人数）', render: (_, row) => groupText(row.holdout) },
            { title: '对照组回购率', render: (_, row) => rateText(row.holdout.rate) },
            { title: '差值', render: (_, row) => signedPoints(row.difference) },
            {
              title: '95% 置信区间',
              render: (_, row) => (row.ci95 ? `${signedPoints(row.ci95[0])} ~ ${signedPoints(row.ci95[1])}` : '—'),
            },
            { title: '观察中', dataIndex: 'pending' },
          ]}
        />
      </ProCard>
      <AuditTrail objectType="win_back_programme" objectId={1} version={auditVersion} />
    </PageContainer>
  );
}

const groupText = (group: GroupRate) => `${group.returned} / ${group.n}`;
