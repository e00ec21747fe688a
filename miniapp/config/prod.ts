import type { UserConfigExport } from '@tarojs/cli';

// Production builds are minified (terser + csso are on by default when NODE_ENV=production).
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
