/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'h5';
    /** API origin, '' for same-origin (H5). Defined at build time in config/index.ts. */
    TARO_APP_API_BASE: string;
    /** Per-request timeout in milliseconds, as a string. Defined at build time in config/index.ts. */
    TARO_APP_REQUEST_TIMEOUT_MS: string;
  }
}
