import { Route, Routes } from 'react-router-dom';
import { DropCreatePage } from './DropCreatePage';
import { DropDetailPage } from './DropDetailPage';
import { DropListPage } from './DropListPage';

/** 团购: the list, scheduling a drop, and a drop's live figures. */
export default function DropsArea() {
  return (
    <Routes>
      <Route index element={<DropListPage />} />
      <Route path="new" element={<DropCreatePage />} />
      <Route path=":id" element={<DropDetailPage />} />
    </Routes>
  );
}
