/**
 * Every message file of the app, imported: the main en/es/fr files and each feature's
 * `*messages.ts`. A file's bundle for a language is its export named `es` / `fr` or ending in
 * `Es` / `Fr` (setupEs, groupsFr…), so a new message file is covered as soon as it exists.
 */
const modules = import.meta.glob<Record<string, unknown>>(['../src/i18n/{en,es,fr}.ts', '../src/**/*messages.ts'], {
  eager: true,
});

export const messageFiles = Object.keys(modules).map((path) => path.replace(/^\.\.\//, ''));

/** Every string of one language, keyed `file export.dotted.key` so a failure names its file. */
export function messagesIn(lang: 'es' | 'fr'): Map<string, string> {
  const suffix = lang[0]!.toUpperCase() + lang.slice(1);
  const out = new Map<string, string>();
  for (const [path, mod] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(mod)) {
      if ((name === lang || name.endsWith(suffix)) && typeof value === 'object' && value !== null) {
        for (const [key, text] of leaves(value)) out.set(`${path.replace(/^\.\.\/src\//, '')} ${name}.${key}`, text);
      }
    }
  }
  return out;
}

export function leaves(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v as object, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
