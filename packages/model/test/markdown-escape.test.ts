import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { escapeMarkdownInline, renderMarkdown, snapshotFromDocs } from '../src/report/index.ts';
import { fixtureWorkshop } from './fixture-workshop.ts';

const md = new MarkdownIt({ html: true, linkify: true });

/** The escaping exports used before: every punctuation character that can start markup. */
function escapeEverything(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&:/]/g, (c) => `\\${c}`);
}

/** A small seeded generator (mulberry32), so a failure names a case that can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  ' ',
  ' ',
  ' ',
  'a',
  'word',
  'É',
  '1',
  '12',
  '.',
  ',',
  ':',
  ';',
  '-',
  '--',
  '---',
  '+',
  '*',
  '**',
  '_',
  '__',
  '#',
  '##',
  '>',
  '<',
  '&',
  '&amp;',
  '&copy;',
  '&#60;',
  '!',
  '[',
  ']',
  '(',
  ')',
  '`',
  '```',
  '~',
  '~~',
  '|',
  '\\',
  '/',
  '//',
  '@',
  '=',
  '"',
  "'",
  'www',
  'http',
  'https',
  'mailto',
  'ftp',
  'com',
  'example',
  'localhost',
  'a@b.com',
  'x.org',
  '1.',
  '2)',
  '\t',
  '\n',
  '<b>',
  '</b>',
  '<div>',
  'javascript',
  '$',
  '%',
  '^',
  '{',
  '}',
];

/** A line as it sits in the report: in a list item, a heading, and a paragraph. */
const contexts = [(s: string) => `- ${s}`, (s: string) => `### ${s}`, (s: string) => s, (s: string) => `**Themes:** ${s}`];

describe('Markdown escaping', () => {
  it('leaves plain prose alone: dashes, colons, full stops and digits', () => {
    const prose = 'Pilots - budgeted as if they will fail: scaling waits 1 year. See section 3, (maybe) 50% done!';
    expect(escapeMarkdownInline(prose)).toBe(prose);
    expect(escapeMarkdownInline('Plan 2021-2025: agreed.')).toBe('Plan 2021-2025: agreed.');
  });

  it.each([
    ['# title', '\\# title'],
    ['- item', '\\- item'],
    ['1. first', '1\\. first'],
    ['see www.example.com', 'see www\\.example\\.com'],
    ['https://evil.example', 'https\\:\\//evil\\.example'],
    ['C# and F #', 'C# and F \\#'],
    ['&copy; but R&D', '\\&copy; but R&D'],
    ['a*b_c[d](e)<f>', 'a\\*b\\_c\\[d\\](e)\\<f>'],
  ])('escapes %j as %j', (text, escaped) => {
    expect(escapeMarkdownInline(text)).toBe(escaped);
  });

  it('renders exactly the same HTML as escaping every punctuation mark, for 20,000 random lines in four places', () => {
    const next = random(13);
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
      const wrap = contexts[i % contexts.length]!;
      const minimal = md.render(wrap(escapeMarkdownInline(text)));
      const everything = md.render(wrap(escapeEverything(text)));
      if (minimal !== everything) expect({ case: i, text, minimal }).toEqual({ case: i, text, minimal: everything });
    }
  });

  it('keeps the fixture report’s HTML identical, with far fewer backslashes', () => {
    const { docs, people } = fixtureWorkshop();
    const out = renderMarkdown(snapshotFromDocs(docs, people));
    expect(out).toContain('- Add a scale-up line to every pilot budget template — owner: OPSI; 1 year; proposed');
    expect(out.match(/\\/g)?.length ?? 0).toBeLessThan(5);
  });
});
