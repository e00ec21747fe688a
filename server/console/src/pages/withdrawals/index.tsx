import { PageContainer } from '@ant-design/pro-components';
import { Empty } from 'antd';

/** Placeholder until this area is built. */
export default function Area() {
  return (
    <PageContainer>
      <Empty description="建设中" />
    </PageContainer>
  );
}
