import { App } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { SegmentBuilder } from './SegmentBuilder';
import { SegmentList } from './SegmentList';

/** 人群: saved segments, the rule builder with its live count, and a masked preview of the members. */
export default function SegmentsArea() {
  return (
    <App component={false}>
      <Routes>
        <Route index element={<SegmentList />} />
        <Route path="new" element={<SegmentBuilder />} />
        <Route path=":id" element={<SegmentBuilder />} />
      </Routes>
    </App>
  );
}
