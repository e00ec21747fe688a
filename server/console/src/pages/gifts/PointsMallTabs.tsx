import { PageContainer } from '@ant-design/pro-components';
import { useNavigate } from 'react-router-dom';
import { GiftList } from './GiftList';
import { RedemptionList } from './RedemptionList';

/** The two tabs are routes, so a link or a reload lands on the same one. */
export function PointsMallTabs({ tab }: { tab: 'gifts' | 'redemptions' }) {
  const navigate = useNavigate();
  return (
    <PageContainer
      title="积分商城"
      tabActiveKey={tab}
      tabList={[
        { key: 'gifts', tab: '礼品' },
        { key: 'redemptions', tab: '兑换记录' },
      ]}
      onTabChange={(key) => void navigate(key === 'gifts' ? '/gifts' : '/gifts/redemptions')}
    >
      {tab === 'gifts' ? <GiftList /> : <RedemptionList />}
    </PageContainer>
  );
}
