import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * How often the checkpoint thread moves the write-ahead log into the database file. At
 * 1,000 one-row commits a second the log grows ~6 MB a second; a checkpoint every 500 ms
 * keeps it a few MB and lets SQLite start it over from the beginning.
 */
export const CHECKPOINT_EVERY_MS = 500;
/**
 * Pages of log after which the writing connection checkpoints by itself, as SQLite does by
 * default at 1,000: only if the checkpoint thread stopped or fell far behind (~40 MB).
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

/**
 * The thread's whole program. Plain CommonJS run with `eval` so it loads the same way under
 * tsx, from dist and in tests; the driver's path comes from the main thread's resolution.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
  try {
    const r = checkpoint.get();
    parentPort.postMessage({ checkpointed: r.checkpointed, log: r.log });
  } catch (e) {
    parentPort.postMessage({ error: String(e && e.message || e) });
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface CheckpointReport {
  /** Frames in the log and frames copied into the database by the last checkpoint. */
  log: number;
  checkpointed: number;
}

/**
 * Checkpoints a WAL-mode SQLite file from a thread of its own. A checkpoint copies the log's
 * pages into the database file and, with `synchronous = NORMAL`, fsyncs both files: 5–10 ms
 * on the machines we measured, ~1.5 times a second at 1,000 updates/s. Run by the writing
 * connection (SQLite's default) that time stopped the event loop and every update behind it;
 * here it overlaps with the loop. PASSIVE never waits for the writer, so the writer never
 * waits for it either; commits stay exactly as durable.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private closed = false;

  constructor(file: string, onReport: (r: CheckpointReport | { error: string }) => void, everyMs = CHECKPOINT_EVERY_MS) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(PROGRAM, { eval: true, workerData: { file, driver, everyMs } });
    this.worker.on('message', onReport);
    this.worker.on('error', (e) => onReport({ error: e.message }));
    // It never keeps the process alive: the writing connection can always checkpoint itself.
    this.worker.unref();
  }

  /** Stops checkpointing and closes the thread's connection (asynchronously). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.worker.postMessage('close');
  }
}
