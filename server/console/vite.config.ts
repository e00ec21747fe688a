import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The console compiles shared's TypeScript source directly (one copy of the contracts and rules, tree-shaken),
// rather than shared's CommonJS build, which Rollup would otherwise have to convert.
const sharedSource = fileURLToPath(new URL('../../shared/src/index.ts', import.meta.url));

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  resolve: { alias: { '@tidepool/shared': sharedSource } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // React changes far less often than the pages: its own long-cached chunk. antd, ProComponents and ECharts
        // are left to Rollup, which splits them by what each lazily loaded area imports (one big vendor chunk
        // would put every antd component into the first page load).
        manualChunks: { react: ['react', 'react-dom', 'react-router-dom'] },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  test: { environment: 'jsdom', include: ['src/**/*.spec.{ts,tsx}'] },
});
