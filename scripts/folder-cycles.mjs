#!/usr/bin/env node
/**
 * Folder-level import cycles. dpdm finds cycles between files; this finds them between the
 * folders directly under a source root (`board`, `facilitation`, `ui`…): the layering README's
 * Layout describes, where a folder may import a lower folder, never one that imports it back,
 * however indirectly.
 *
 *   node scripts/folder-cycles.mjs [root…] [--warn root…]
 *
 * With no arguments: apps/web/src and apps/server/src must both have no folder cycle. Roots
 * after --warn are printed without failing, for a tree being untangled.
 *
 * Only relative specifiers are followed (packages are other layers and have their own check).
 * Prints each cycle with the file imports that make it and exits 1; exits 0 when there are none.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SOURCE = /\.(m?[jt]sx?|css)$/;
// `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`; type-only imports too,
// since a type cycle is still a design cycle.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"\n]+)\1/g;

function listFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else if (SOURCE.test(name)) out.push(path);
  }
  return out;
}

/**
 * The folder directly under `root` that `file` lives in. A file at the root itself is its own
 * node (`app.ts` wires everything, `errors.ts` is imported by everything: one node for both
 * would be a cycle that no folder has).
 */
function folderOf(root, file) {
  const rel = relative(root, file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0] : `./${parts[0].replace(/\.[jt]sx?$/, '')}`;
}

/** Folder graph of one source root: Map<from, Map<to, string[] of "file → target">>. */
export function folderGraph(root) {
  const abs = resolve(root);
  const graph = new Map();
  for (const file of listFiles(abs)) {
    const from = folderOf(abs, file);
    if (!graph.has(from)) graph.set(from, new Map());
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[2];
      if (!spec.startsWith('.')) continue;
      const to = folderOf(abs, resolve(dirname(file), spec));
      if (to === null || to === from) continue;
      const edges = graph.get(from);
      if (!edges.has(to)) edges.set(to, []);
      edges.get(to).push(`${relative(abs, file)} → ${spec}`);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan), each sorted. */
export function folderCycles(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

/** Edges between folders of one component, for the report. */
function describe(graph, scc) {
  const lines = [];
  for (const a of scc) {
    for (const [b, files] of graph.get(a) ?? []) {
      if (!scc.includes(b)) continue;
      lines.push(`    ${a} → ${b}: ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` (+${files.length - 3} more)` : ''}`);
    }
  }
  return lines;
}

function main(strict, warn) {
  let failed = false;
  for (const root of [...strict, ...warn]) {
    const fatal = strict.includes(root);
    const graph = folderGraph(root);
    const cycles = folderCycles(graph);
    if (cycles.length === 0) {
      console.log(`${root}: no folder cycles (${graph.size} folders)`);
      continue;
    }
    if (fatal) failed = true;
    for (const scc of cycles) {
      console.log(`${root}: ${fatal ? '' : '(warning) '}folder cycle between ${scc.join(', ')}`);
      for (const line of describe(graph, scc)) console.log(line);
    }
  }
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('folder-cycles.mjs')) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--warn');
  const strict = at === -1 ? args : args.slice(0, at);
  const warn = at === -1 ? [] : args.slice(at + 1);
  process.exitCode = args.length === 0 ? main(['apps/web/src', 'apps/server/src'], []) : main(strict, warn);
}
