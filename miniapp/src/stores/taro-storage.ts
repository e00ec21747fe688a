import Taro from '@tarojs/taro';
import type { StateStorage } from 'zustand/middleware';

/** zustand persist storage over the mini program's synchronous storage (localStorage on H5). */
export const taroStorage: StateStorage = {
  getItem: (name) => {
    const value: unknown = Taro.getStorageSync(name);
    return typeof value === 'string' && value !== '' ? value : null;
  },
  setItem: (name, value) => {
    Taro.setStorageSync(name, value);
  },
  removeItem: (name) => {
    Taro.removeStorageSync(name);
  },
};
