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

/**
 * Opened by its link (`/w/:id`), the board's page is what the visitor came for: a few bytes of
 * inline script in index.html ask for its code and styles alongside the entry's, instead of
 * after the entry has run and rendered (one round trip later, and the entry takes a while).
 * Other pages do not fetch it. Vite's import of the page then finds the links and reuses them.
 */
function preloadBoardRoute(): Plugin {
  return {
    name: 'crossboard-preload-board',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const page = chunks.find((c) => c.facadeModuleId?.endsWith('/src/pages/WorkshopPage.tsx'));
        if (!page) throw new Error('crossboard-preload-board: no chunk for pages/WorkshopPage.tsx');
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (file: string) => {
          if (scripts.has(file)) return;
          scripts.add(file);
          const chunk = chunks.find((c) => c.fileName === file);
          for (const css of chunk?.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const dep of chunk?.imports ?? []) visit(dep);
        };
        visit(page.fileName);
        const fresh = (f: string) => !html.includes(`/${f}"`);
        const links = [
          ...[...scripts].filter(fresh).map((f) => ['modulepreload', `/${f}`]),
          ...[...styles].filter(fresh).map((f) => ['preload', `/${f}`]),
        ];
        const script = `if(/^\\/w\\/[^/]+\\/?$/.test(location.pathname))for(const[r,h]of ${JSON.stringify(links)}){const l=document.createElement('link');l.rel=r;if(r==='preload')l.as='style';l.crossOrigin='';l.href=h;document.head.appendChild(l)}`;
        // Before the style sheets: a parser's script waits for the style sheets above it.
        return html.replace(/(\s*)<script type="module"/, `$1<script>${script}</script>$1<script type="module"`);
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress(), preloadBoardRoute()],
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
