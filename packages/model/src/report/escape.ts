/**
 * Text participants wrote, made inert for Markdown (CommonMark with markdown-it's linkify and
 * strikethrough), escaping only what would otherwise change the rendering, so plain prose
 * stays readable in the .md file: "Pilots - budgeted: 3 days." keeps its dash, colon and full
 * stop. A backslash before punctuation renders as the punctuation itself, so the HTML is the
 * same as with every punctuation character escaped. Line breaks and runs of whitespace
 * become one space, so a note cannot start a block of its own.
 *
 *   anywhere         \ ` * _ ~ [ ] < (emphasis, code, links, HTML, autolinks, escapes)
 *   & before name;   entities (&copy; would become ©)
 *   . before a letter or digit, : after http/https/ftp/mailto, // (linkify's links)
 *   at the start     # > + - (headings, quotes, lists, rules), "12." / "12)" (ordered lists)
 *   at the end       " ##" (a heading's closing sequence would vanish)
 */
export function escapeMarkdownInline(text: string): string {
  const one = text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return one
    .replace(/[\\`*_~[\]<]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[\p{L}\p{N}]+;)/gu, '\\&')
    .replace(/\.(?=[\p{L}\p{N}])/gu, '\\.')
    .replace(/(?<=(?:https?|ftp|mailto)):/giu, '\\:')
    .replace(/\/(?=\/)/g, '\\/')
    .replace(/^[#>+-]/, (c) => `\\${c}`)
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/(\s)(#+)$/, (_, space: string, hashes: string) => `${space}${hashes.replace(/#/g, '\\#')}`);
}

/** Multi-line user text as Markdown paragraphs, each escaped. */
export function escapeMarkdownParagraphs(text: string): string {
  return text.split(/\n/).map(escapeMarkdownInline).filter(Boolean).join('\n\n');
}

/**
 * One CSV field per RFC 4180, made safe for spreadsheets: a cell a spreadsheet would read as
 * a formula (starting = + - @ tab or CR) gets a leading apostrophe (OWASP CSV injection).
 */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly (string | number)[]): string {
  return values.map(csvField).join(',');
}
