import { App as AntApp } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useSession } from '../../auth/SessionContext';
import { SignupCodePrint } from './SignupCodePrint';
import { StoreDetail } from './StoreDetail';
import { StoreFormPage } from './StoreFormPage';
import { StoreList } from './StoreList';

/** 门店与员工: stores, their staff accounts and the printable signup code. A store manager lands on their store. */
export default function StoresArea() {
  const { session } = useSession();
  const ownStore = session.role === 'store_manager' ? session.storeId : null;
  return (
    <AntApp>
      <Routes>
        <Route index element={ownStore !== null ? <Navigate to={String(ownStore)} replace /> : <StoreList />} />
        <Route path="new" element={<StoreFormPage />} />
        <Route path=":id" element={<StoreDetail />} />
        <Route path=":id/edit" element={<StoreFormPage />} />
        <Route path=":id/print" element={<SignupCodePrint />} />
      </Routes>
    </AntApp>
  );
}
