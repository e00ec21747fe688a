import { App } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { CouponDetail } from './CouponDetail';
import { CouponEditor } from './CouponEditor';
import { CouponList } from './CouponList';

/** 优惠券: templates (list, create, edit), one template's figures, issuing and audit trail. */
export default function CouponsArea() {
  return (
    // antd's App gives the pages message and modal hooks that follow the console's theme and locale.
    <App component={false}>
      <Routes>
        <Route index element={<CouponList />} />
        <Route path="new" element={<CouponEditor />} />
        <Route path=":id" element={<CouponDetail />} />
        <Route path=":id/edit" element={<CouponEditor />} />
      </Routes>
    </App>
  );
}
