/**
 * The one test harness: what server tests, the browser tests (apps/web/e2e) and both benches
 * share. The in-process server starter stays in apps/server/test/helpers/server.ts, because it
 * builds the app from the server's source and this package must not depend on apps/server.
 */
export { launchChromium } from './chromium.ts';
export { eventually, type EventuallyOptions } from './eventually.ts';
export { call, callAndRead, createWorkshop, joinAsParticipant, type CreatedWorkshop, type JoinedParticipant, type Reply } from './http.ts';
export { writeDoc } from './docs.ts';
export { freePort } from './ports.ts';
export { spawnProcess, type SpawnedProcess, type SpawnProcessOptions } from './spawn-process.ts';
export { spawnServer, type SpawnedServer, type SpawnServerOptions } from './spawn-server.ts';
