import path, { join } from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Build-time environment. Every `process.env.TARO_APP_*` the app reads MUST be defined here (an undefined one
 * is left as a bare `process.env.X` and crashes the mini program at load).
 *
 * - TARO_APP_API_BASE: origin of the API. '' on H5 (same origin as the server that serves the bundle);
 *   http://127.0.0.1:3000 for weapp dev (DevTools with "不校验合法域名" on).
 * - TARO_APP_REQUEST_TIMEOUT_MS: per-request timeout.
 */
const SHARED_SRC = path.resolve(__dirname, '..', '..', 'shared', 'src');

function buildEnv(): Record<string, string> {
  const isH5 = process.env.TARO_ENV === 'h5';
  const apiBase = process.env.TARO_APP_API_BASE ?? (isH5 ? '' : 'http://127.0.0.1:3000');
  const timeoutMs = process.env.TARO_APP_REQUEST_TIMEOUT_MS ?? '10000';
  return {
    TARO_APP_API_BASE: JSON.stringify(apiBase.replace(/\/+$/, '')),
    TARO_APP_REQUEST_TIMEOUT_MS: JSON.stringify(timeoutMs),
  };
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'tidepool',
    date: '2025-11-24',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV ?? 'weapp'}`,
    plugins: [],
    env: buildEnv(),
    defineConstants: {},
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      // Modules used only by subpackages are moved out of the main package's common chunk.
      optimizeMainPackage: { enable: true },
      // WeChat's main package budget (scripts/bundle-size.mjs, 400 KB) is what these are for:
      // - the shared package is compiled from its ES-module source so that only what the main package's pages
      //   use lands in it (its CommonJS build cannot be tree-shaken; it would ship every rule and contract);
      compile: { include: [SHARED_SRC] },
      // - nesting past 8 levels renders through Taro's recursive `comp` component instead of another copy of every
      //   template in base.wxml (16 by default: ~23 KB of templates most pages never reach). Read by Taro's
      //   MiniPlugin, missing from its config type;
      ...{ baseLevel: 8 },
      webpackChain(chain) {
        chain.resolve.alias.set('@tidepool/shared$', join(SHARED_SRC, 'index.ts'));
        chain.module
          .rule('shared-side-effect-free')
          .test((file: string) => file.startsWith(SHARED_SRC))
          .set('sideEffects', false);
        // - terser's usual variable and function inlining (Taro's ES5-safe defaults turn it off), Chinese text as
        //   UTF-8 instead of \uXXXX escapes, and no LICENSE side files (release builds only).
        if (process.env.NODE_ENV === 'development') return;
        chain.optimization.minimizer('terserPlugin').tap(([options]) => [
          {
            ...options,
            extractComments: false,
            terserOptions: {
              ...options.terserOptions,
              compress: {
                ...options.terserOptions.compress,
                collapse_vars: true,
                hoist_props: true,
                inline: true,
                reduce_funcs: true,
                reduce_vars: true,
                passes: 2,
              },
              output: { ...options.terserOptions.output, ascii_only: false },
            },
          },
        ]);
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        url: { enable: true, config: { limit: 1024 } },
        cssModules: { enable: false },
      },
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        // Taro splits only initial chunks on H5, so every lazily loaded page would carry its own copy of the
        // component library; share modules across the page chunks too.
        chain.optimization.splitChunks({
          chunks: 'all',
          minSize: 20_000,
          cacheGroups: {
            default: { minChunks: 2, priority: -20, reuseExistingChunk: true },
            defaultVendors: { test: /[\\/]node_modules[\\/]/, priority: -10, reuseExistingChunk: true },
          },
        });
        // React DOM + the Taro runtime are ~330 KiB minified; warn only past that.
        chain.performance.maxEntrypointSize(420 * 1024).maxAssetSize(400 * 1024);
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
