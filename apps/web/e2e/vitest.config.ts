import { defineProject } from 'vitest/config';

// End-to-end tests: the real server (built web app, SQLite in a temp dir) and real Chromium.
export default defineProject({
  test: {
    name: 'e2e',
    include: ['**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['./harness/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // Two cores: one browser-heavy file at a time keeps timings honest.
    fileParallelism: false,
  },
});
