import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server (apps/server) listens here during `pnpm dev`; Vite proxies the API and the sync socket.
const SERVER = 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react()],
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
