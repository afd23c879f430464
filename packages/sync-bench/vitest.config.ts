import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'sync-bench', include: ['test/**/*.test.ts'] },
});
