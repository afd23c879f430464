import { defineProject } from 'vitest/config';

export default defineProject({
  // The seeder runs against the real server, started as a child process.
  test: { name: 'bench', include: ['test/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 90_000 },
});
