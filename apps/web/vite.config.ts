import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The server (apps/server) listens here during `pnpm dev`; Vite proxies the API and the sync socket.
const SERVER = 'http://127.0.0.1:8787';

/**
 * Writes a .gz and a .br beside every built script, style sheet and page; the server sends
 * them to browsers that accept them (@fastify/static's preCompressed). On a slow line the app
 * arrives in a third of the bytes, with no compression work per request.
 */
function precompress(): Plugin {
  return {
    name: 'crossboard-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? 'dist';
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(js|css|html|svg)$/.test(entry.name)) continue;
        const path = join(entry.parentPath, entry.name);
        const data = readFileSync(path);
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    // Two copies of yjs break `instanceof` checks and corrupt documents ("Yjs was already
    // imported"); Tiptap's ProseMirror packages have the same problem with plugin keys.
    dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/pm', '@tiptap/core', '@tiptap/y-tiptap', 'react', 'react-dom'],
  },
  server: {
    proxy: {
      '/api': { target: SERVER, changeOrigin: false },
      '/ws': { target: SERVER, ws: true },
    },
  },
  build: { outDir: 'dist', sourcemap: true },
});
