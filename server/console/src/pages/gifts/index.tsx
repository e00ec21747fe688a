import { App as AntdApp } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { GiftEditPage } from './GiftEditPage';
import { PointsMallTabs } from './PointsMallTabs';

/** 积分商城: gifts and redemptions as tabs, and a gift's create / edit page. */
export default function GiftsArea() {
  // antd's App gives the pages' App.useApp() its message and modal, themed like the rest of the console.
  return (
    <AntdApp>
      <Routes>
        <Route index element={<PointsMallTabs tab="gifts" />} />
        <Route path="redemptions" element={<PointsMallTabs tab="redemptions" />} />
        <Route path="new" element={<GiftEditPage />} />
        <Route path=":id" element={<GiftEditPage />} />
      </Routes>
    </AntdApp>
  );
}
