import { defineProject } from 'vitest/config';

export default defineProject({
  // The CI scripts' own tests; test/fixtures holds scratch projects they run, never collected here.
  test: { name: 'scripts', include: ['test/*.test.ts'], testTimeout: 60_000 },
});
