// The one react-dom API the mini program uses (Taro aliases react-dom to @tarojs/react on weapp; H5 has the real
// one). The repository ships no @types/react-dom.
declare module 'react-dom' {
  import type { ReactNode, ReactPortal } from 'react';

  export function createPortal(children: ReactNode, container: unknown, key?: string | null): ReactPortal;
}
