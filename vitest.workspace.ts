// The one list of test projects. Vitest 4 dropped the separate workspace file, so
// vitest.config.ts imports this list; add a package here and nowhere else.
export const projects = ['packages/model', 'packages/sync-bench', 'packages/bench', 'apps/server', 'apps/web', 'apps/web/e2e', 'scripts'];
