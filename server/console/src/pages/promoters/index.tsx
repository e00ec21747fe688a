import { App } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { PromoterDetail } from './PromoterDetail';
import { PromoterList } from './PromoterList';

/** 推手: applications, the promoter list with their figures, disabling, and customers' binding history. */
export default function PromotersArea() {
  return (
    <App>
      <Routes>
        <Route index element={<PromoterList />} />
        <Route path=":id" element={<PromoterDetail />} />
      </Routes>
    </App>
  );
}
