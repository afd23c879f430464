import { Server } from '@hocuspocus/server';
import { reportEventLoopDelayOnRequest } from './event-loop-report.ts';

// Hocuspocus with no extensions: in memory, every token accepted.
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 0);
const server = new Server({ port, address: host, quiet: true });
reportEventLoopDelayOnRequest();
await server.listen();
console.log(`LISTENING ${port}`);
