/**
 * The clients of room-heap.ts, in a process of their own so their documents are not weighed
 * with the server's: each connects to one board, writes one small note and stays.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { boardNotes, createNote } from '@crossboard/model';

const [wsBase, json] = [process.argv[2]!, process.argv[3]!];
const targets = JSON.parse(json) as { room: string; token: string }[];
const providers: WebsocketProvider[] = [];
for (let i = 0; i < targets.length; i += 50) {
  await Promise.all(
    targets.slice(i, i + 50).map(
      ({ room, token }) =>
        new Promise<void>((resolve) => {
          const doc = new Y.Doc();
          const p = new WebsocketProvider(wsBase, room, doc, { params: { token }, WebSocketPolyfill: WebSocket as never, disableBc: true });
          providers.push(p);
          p.once('sync', () => {
            createNote(boardNotes(doc), { phase: 'painPoints', text: 'A small note', x: 10, y: 20 });
            resolve();
          });
        }),
    ),
  );
}
process.send!('open');
process.on('message', () => {
  for (const p of providers) p.destroy();
  process.send!('closed', () => process.exit(0));
});
