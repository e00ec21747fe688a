import { App as AntApp } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { OrderDetailPage } from './OrderDetail';
import { OrderListPage } from './OrderList';

/** 订单: the filtered list (with CSV export) and each order's detail with its actions. */
export default function OrdersArea() {
  return (
    <AntApp>
      <Routes>
        <Route index element={<OrderListPage />} />
        <Route path=":id" element={<OrderDetailPage />} />
      </Routes>
    </AntApp>
  );
}
