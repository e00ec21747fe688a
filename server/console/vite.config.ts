import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The console compiles shared's TypeScript source directly (one copy of the contracts and rules, tree-shaken),
// rather than shared's CommonJS build, which Rollup would otherwise have to convert.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const sharedSource = join(repoRoot, 'shared', 'src', 'index.ts');

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  resolve: { alias: { '@tidepool/shared': sharedSource } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: {
        // React and ProComponents change far less often than the pages: long-cached chunks of their own.
        // ProComponents' packages re-export each other in cycles, so they must share one chunk (split across
        // chunks their modules would run out of order). antd and ECharts are left to Rollup, which splits them by
        // what each lazily loaded area imports.
        manualChunks(id) {
          if (/[\\/]node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/.test(id))
            return 'react';
          if (id.includes('@ant-design/pro-') || id.includes('@ant-design+pro-')) return 'pro';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  test: { environment: 'jsdom', include: ['src/**/*.spec.{ts,tsx}'] },
});
