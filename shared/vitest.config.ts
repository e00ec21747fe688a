import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Property tests run hundreds of cases; on a loaded 2-core CI machine they outgrow vitest's 5 s default.
  test: { include: ['src/**/*.spec.ts'], testTimeout: 30_000 },
});
