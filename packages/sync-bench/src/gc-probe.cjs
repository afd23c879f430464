// Preloaded (`--require`) into every server the bench starts, ours and the peers alike. On
// SIGUSR2 it runs full collections, then writes the process's heap and RSS to
// <tmpdir>/crossboard-bench-gc/<pid>.json: memory read this way is what the server holds,
// not how much garbage its collector happened to leave (S4 weighs rooms by it).
// CommonJS so `--require` loads it before any entry, TypeScript (tsx) or built JavaScript.
const { mkdirSync, renameSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { runInNewContext } = require('node:vm');

const COLLECTIONS = 3;

process.on('SIGUSR2', () => {
  setFlagsFromString('--expose-gc');
  // From a fresh context, so the server's own global never gets `gc`.
  const gc = runInNewContext('gc');
  setFlagsFromString('--no-expose-gc');
  let left = COLLECTIONS;
  const collect = () => {
    // What V8 does under memory pressure: a compacting collection that also returns unused
    // young-generation space, so the reading does not depend on how big it had grown.
    gc({ type: 'major', flavor: 'last-resort' });
    // Between collections, finalizers and weak callbacks run and free what they held.
    if (--left > 0) return setImmediate(collect);
    const { heapUsed, rss } = process.memoryUsage();
    const dir = join(tmpdir(), 'crossboard-bench-gc');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${process.pid}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify({ heapUsed, rss }));
    renameSync(`${file}.tmp`, file);
  };
  setImmediate(collect);
});
