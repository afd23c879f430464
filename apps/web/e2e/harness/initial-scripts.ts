import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The scripts a page of the built app runs before it can show anything: the entry named in
 * index.html and, transitively, every chunk it imports statically (a lazy `import()` is not
 * followed). Matches what `pnpm bench:load` sees Chromium fetch, file for file.
 */
export function initialScripts(dist: string, lazyRoots: RegExp[] = []): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="\/assets\/([^"]+)"/g)].map((m) => m[1]!);
  const chunks = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const roots = [...entries, ...chunks.filter((f) => lazyRoots.some((r) => r.test(f)))];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, 'assets', file), 'utf8');
    // Rolldown writes static imports at the top of a chunk as `import … from "./name.js"`.
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*${}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(m[1]!);
  };
  for (const root of roots) visit(root);
  return [...seen];
}

/** Bytes after gzip at level 9, summed: what `pnpm bench:load` reports as "JS gzip". */
export function gzipBytes(dist: string, files: string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, 'assets', f)), { level: 9 }).length, 0);
}
