import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { reportEventLoopDelayOnRequest } from './event-loop-report.ts';

// The stock relay exactly as its own bin wires it (in memory, no auth), on our `ws`.
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 0);
const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_req, res) => res.end('okay'));
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req));
});
reportEventLoopDelayOnRequest();
// Node's default SIGTERM ends the process before `--cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));
server.listen(port, host, () => {
  const address = server.address();
  console.log(`LISTENING ${typeof address === 'object' && address ? address.port : port}`);
});
