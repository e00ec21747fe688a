import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      port: 10086,
      // The API runs beside the dev server; H5 calls it same-origin through this proxy.
      proxy: { '/api': 'http://127.0.0.1:3000', '/static': 'http://127.0.0.1:3000' },
    },
  },
} satisfies UserConfigExport<'webpack5'>;
