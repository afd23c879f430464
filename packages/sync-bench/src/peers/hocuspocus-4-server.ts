import { Server } from 'hocuspocus-server-4';
import { reportEventLoopDelayOnRequest } from './event-loop-report.ts';

// Hocuspocus 4, the current major, as people would pick it today: no extensions, in memory,
// every token accepted. Its wire protocol is 3.x's (same message types, plus ping and pong).
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 0);
const server = new Server({ port, address: host, quiet: true, stopOnSignals: true });
reportEventLoopDelayOnRequest();
await server.listen();
console.log(`LISTENING ${port}`);
