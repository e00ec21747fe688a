import { App as AntApp } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { ProductEditPage } from './ProductEditPage';
import { ProductListPage } from './ProductListPage';

/** 商品: the product list, and the editor for a new or an existing product. */
export default function ProductsArea() {
  return (
    // antd's App gives the pages' message and modal calls the console's theme and locale.
    <AntApp component={false}>
      <Routes>
        <Route index element={<ProductListPage />} />
        <Route path="new" element={<ProductEditPage />} />
        <Route path=":id" element={<ProductEditPage />} />
      </Routes>
    </AntApp>
  );
}
