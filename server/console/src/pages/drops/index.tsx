import { App as AntdApp } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { DropCreatePage } from './DropCreatePage';
import { DropDetailPage } from './DropDetailPage';
import { DropListPage } from './DropListPage';

/** 团购: the list, scheduling a drop, and a drop's live figures. */
export default function DropsArea() {
  // antd's App gives the pages' App.useApp() its message and modal, themed like the rest of the console.
  return (
    <AntdApp>
      <Routes>
        <Route index element={<DropListPage />} />
        <Route path="new" element={<DropCreatePage />} />
        <Route path=":id" element={<DropDetailPage />} />
      </Routes>
    </AntdApp>
  );
}
