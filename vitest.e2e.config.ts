import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // test/build audits the built manifests and lints the Firefox build: no browser, but it needs the build.
    include: ['test/e2e/**/*.e2e.test.ts', 'test/build/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
