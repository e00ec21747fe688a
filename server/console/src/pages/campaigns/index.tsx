import { App } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { CampaignDetail } from './CampaignDetail';
import { CampaignEditor } from './CampaignEditor';
import { CampaignList } from './CampaignList';

/** 营销活动: campaigns (list, create, edit with a dry run), one campaign's results, versions and audit trail. */
export default function CampaignsArea() {
  return (
    <App component={false}>
      <Routes>
        <Route index element={<CampaignList />} />
        <Route path="new" element={<CampaignEditor />} />
        <Route path=":id" element={<CampaignDetail />} />
        <Route path=":id/edit" element={<CampaignEditor />} />
      </Routes>
    </App>
  );
}
