import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@': path.resolve(__dirname, 'src') },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.spec.ts'],
    // The HTTP client's request log is noise in unit tests.
    onConsoleLog: (log) => (log.startsWith('[http]') ? false : undefined),
  },
});
