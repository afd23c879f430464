/**
 * Text participants wrote, made inert for Markdown: every punctuation character that can
 * start markup is backslash-escaped (CommonMark renders `\x` as a literal x), so no tag,
 * entity, link, emphasis, heading, list, table cell or autolink (`www.`, `https:`) can come
 * from a note. Commas, quotes and slashes cannot start anything and stay readable. Line breaks
 * and runs of whitespace become one space, so a note cannot start a block of its own.
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (c) => `\\${c}`);
}

/** Multi-line user text as Markdown paragraphs, each escaped. */
export function escapeMarkdownParagraphs(text: string): string {
  return text
    .split(/\n/)
    .map(escapeMarkdownInline)
    .filter(Boolean)
    .join('\n\n');
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
