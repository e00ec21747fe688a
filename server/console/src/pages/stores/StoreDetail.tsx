import { EditOutlined, QrcodeOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, ProDescriptions } from '@ant-design/pro-components';
import type { AdminStoreView } from '@tidepool/shared';
import { Badge, Button, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useIsBrandOperator, useSession } from '../../auth/SessionContext';
import { AuditTrail } from '../../components/AuditTrail';
import { dateTime } from '../../format';
import { StaffPanel } from './StaffPanel';
import { businessHoursLabel, coordinatesLabel } from './store-rules';

export function StoreDetail() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { timeZone } = useSession();
  const isOperator = useIsBrandOperator();
  const [store, setStore] = useState<AdminStoreView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    setStore(null);
    api<AdminStoreView>('GET', `/admin/stores/${id}`)
      .then(setStore)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '门店加载失败'));
  }, [id, version]);

  if (error) return <Result status="404" title={error} />;
  if (!store) return <Spin style={{ display: 'block', margin: 96 }} />;
  return (
    <PageContainer
      title={store.name}
      subTitle={store.code}
      onBack={isOperator ? () => void navigate('/stores') : undefined}
      extra={[
        <Button key="print" icon={<QrcodeOutlined />} onClick={() => void navigate(`/stores/${store.id}/print`)}>
          下载/打印门店码
        </Button>,
        <Button
          key="edit"
          type="primary"
          icon={<EditOutlined />}
          onClick={() => void navigate(`/stores/${store.id}/edit`)}
        >
          编辑
        </Button>,
      ]}
    >
      <ProCard bordered>
        <ProDescriptions<AdminStoreView> column={3} dataSource={store}>
          <ProDescriptions.Item label="门店编码" dataIndex="code" />
          <ProDescriptions.Item label="地址" dataIndex="address" render={() => store.address || '—'} />
          <ProDescriptions.Item label="时区" dataIndex="timeZone" />
          <ProDescriptions.Item label="营业时间" render={() => businessHoursLabel(store.opensAt, store.closesAt)} />
          <ProDescriptions.Item label="坐标" render={() => coordinatesLabel(store.latitude, store.longitude)} />
          <ProDescriptions.Item
            label="到店自提"
            render={() => (
              <Badge
                status={store.pickupEnabled ? 'success' : 'default'}
                text={store.pickupEnabled ? '开启' : '关闭'}
              />
            )}
          />
          <ProDescriptions.Item label="员工数" render={() => store.staffCount} />
          <ProDescriptions.Item label="创建时间" render={() => dateTime(store.createdAt, timeZone)} />
        </ProDescriptions>
      </ProCard>
      <StaffPanel store={store} onChanged={() => setVersion((v) => v + 1)} />
      <AuditTrail objectType="store" objectId={store.id} version={version} />
    </PageContainer>
  );
}
