import type { UserConfigExport } from '@tarojs/cli';

// Release builds are minified: JavaScript by terser, WXSS/CSS by csso (Taro's defaults when NODE_ENV=production,
// made explicit so that WeChat's code-quality check — JS_COMPRESS_OPEN — is backed by what the build does), WXML
// by collapsing whitespace (config/index.ts). project.config.json's `minified` tells DevTools the same.
export default {
  terser: { enable: true },
  csso: { enable: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
