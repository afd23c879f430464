import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    include: ['test/**/*.test.ts'],
    // Real servers, sockets and SQLite files: generous timeouts for a slow shared machine.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
