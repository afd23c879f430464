import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import * as Y from 'yjs';
import {
  contributors,
  csvField,
  escapeMarkdownInline,
  exportWorkshopJson,
  importWorkshop,
  renderCsv,
  renderMarkdown,
  snapshotFromDocs,
  snapshotToDocs,
  WorkshopImportError,
  type WorkshopSnapshot,
} from '../src/report/index.ts';
import { fixtureWorkshop } from './fixture-workshop.ts';
import fixture from './fixtures/cross-border-workshop.json' with { type: 'json' };

function fixtureSnapshot(options: { anonymous?: boolean } = {}): WorkshopSnapshot {
  const { docs, people } = fixtureWorkshop(options);
  return snapshotFromDocs(docs, people);
}

function withNote(text: string, extra: Partial<WorkshopSnapshot['workshop']> = {}): WorkshopSnapshot {
  const s = fixtureSnapshot();
  return { ...s, workshop: { ...s.workshop, ...extra }, notes: [{ ...s.notes[0]!, text }] };
}

const md = new MarkdownIt({ html: true, linkify: true });
const tagsOf = (html: string) => html.match(/<[^>]*>/g) ?? [];

describe('snapshotFromDocs', () => {
  it('reads the fixture workshop: all notes in phase order with text, authors, clusters and votes', () => {
    const s = fixtureSnapshot();
    expect(s.notes).toHaveLength(fixture.notes.length);
    expect(s.notes.map((n) => n.text)).toEqual(fixture.notes.map((n) => n.text));
    expect(s.notes[3]).toMatchObject({ authorId: 'p8', clusterId: 'c-culture', votes: 0, phase: 'painPoints' });
    expect(s.notes[11]).toMatchObject({ votes: 5, clusterId: 'c-money' });
    expect(s.clusters.find((c) => c.id === 'c-money')!.votes).toBe(7);
    expect(s.workshop).toMatchObject({ homeTimeZone: 'Europe/Paris', anonymous: false });
    expect(new Date(s.workshop.sessions[0]!.start).toISOString()).toBe('2021-06-03T13:30:00.000Z');
    expect(s.recommendations.map((r) => r.id)).toEqual(['r-budget', 'r-mechanisms', 'r-people', 'r-learning-loops']);
  });

  it('in anonymous mode knows no note’s author', () => {
    expect(fixtureSnapshot({ anonymous: true }).notes.every((n) => n.authorId === null)).toBe(true);
  });
});

describe('Markdown report', () => {
  it('renders the fixture with phases, clusters, attributed notes, recommendations and credits', () => {
    const out = renderMarkdown(fixtureSnapshot());
    expect(out).toMatch(/^# Innovation through cross-border collaboration\n/);
    expect(out).toContain('## Sessions (Europe/Paris)\n\n- Session 1: 3 Jun 2021, 15:30–18:00');
    expect(out).toContain(
      '### money · 7 votes\n\n- Pilots are budgeted as if they will fail, so scaling waits a whole budget cycle — *Participant Manchester, Greater Manchester Combined Authority* · 5 votes',
    );
    expect(out).toContain(
      '- Miedo de los funcionarios a proponer ideas nuevas por el riesgo politico y mediatico — *Participant Bogota, Alcaldia de Bogota*',
    );
    expect(out).toContain(
      '**Pain points addressed:** money; Pilots are budgeted as if they will fail, so scaling waits a whole budget cycle',
    );
    expect(out).toContain('- Add a scale-up line to every pilot budget template — owner: OPSI; 1 year; proposed');
    expect(out).toContain(
      '## Contributors\n\n- Facilitator One (OECD Observatory of Public Sector Innovation)\n- Participant Bogota (Alcaldia de Bogota)',
    );
    // Every note made it, and the whole thing parses into nothing but safe tags.
    const html = md.render(out);
    expect(html).not.toMatch(/<(?!\/?(h[1-3]|p|ul|li|em|strong)>)/);
  });

  it('names no one next to a note in anonymous mode, yet still credits contributors', () => {
    const out = renderMarkdown(fixtureSnapshot({ anonymous: true }));
    expect(out).not.toContain('— *Participant');
    expect(out).toContain('## Contributors');
    expect(out).toContain('- Participant Suva (Small-island innovation firm)');
  });

  it.each([
    ['<script>alert(1)</script>'],
    ['<img src=x onerror=alert(1)>'],
    ['[click me](javascript:alert(1))'],
    ['![tracker](https://evil.example/p.gif)'],
    ['# Not a heading'],
    ['line one\n\n## injected heading\n\n<div>'],
    ['**bold** _em_ `code` ~~gone~~'],
    ['| a | b |\n|---|---|'],
    ['www.evil.example and https://evil.example'],
    ['1. not a list\n- nor this\n> nor a quote'],
    ['&lt;b&gt; &amp; entities &#60;'],
    ['trailing backslash \\'],
    ['    indented code'],
    ['<https://autolink.example>'],
  ])('renders %j as exactly that text, with no markup', (text) => {
    const html = md.render(renderMarkdown(withNote(text)));
    const visible = text.replace(/\s+/g, ' ').trim();
    const escapedForHtml = visible.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    expect(html).toContain(`<li>${escapedForHtml} — <em>`);
    // Exactly the tags a harmless note produces: the text added no element of its own.
    expect(tagsOf(html)).toEqual(tagsOf(md.render(renderMarkdown(withNote('harmless')))));
  });

  it('escapes the punctuation that starts markup and leaves the rest readable', () => {
    expect(escapeMarkdownInline('a*b_c[d](e)<f>')).toBe('a\\*b\\_c\\[d\\](e)\\<f>');
    expect(escapeMarkdownInline(`Yes, "they" can't / won't; 50% $?`)).toBe(`Yes, "they" can't / won't; 50% $?`);
  });
});

describe('contributors', () => {
  it.each([
    ['named', { named: ['Participant Dubai'], orgs: ['Mohammed Bin Rashid Centre for Government Innovation'] }],
    ['organisation', { named: [], orgs: ['Mohammed Bin Rashid Centre for Government Innovation'] }],
    ['none', { named: [], orgs: [] }],
  ] as const)('a participant who chose %s is credited as such', (credit, expected) => {
    const s = fixtureSnapshot();
    const people = s.people.filter((p) => p.id === 'p5').map((p) => ({ ...p, credit }));
    const c = contributors({ ...s, people });
    expect(c.named.map((p) => p.name)).toEqual(expected.named);
    expect(c.organisations.map((o) => o.organisation)).toEqual(expected.orgs);
  });

  it('attributes notes per the author’s choice in Markdown and CSV', () => {
    const s = fixtureSnapshot();
    const people = s.people.map((p) =>
      p.id === 'p2' ? { ...p, credit: 'organisation' as const } : p.id === 'p4' ? { ...p, credit: 'none' as const } : p,
    );
    const out = renderMarkdown({ ...s, people });
    expect(out).toContain('scaling waits a whole budget cycle — *Greater Manchester Combined Authority* · 5 votes');
    expect(out).toContain('- Miedo de los funcionarios a proponer ideas nuevas por el riesgo politico y mediatico\n');
    expect(out).not.toContain('Participant Manchester');
    expect(out).not.toContain('Bogota');
    const csv = renderCsv({ ...s, people });
    expect(csv).not.toContain('Participant Manchester');
    expect(csv).not.toContain('Alcaldia');
  });
});

describe('CSV export', () => {
  it('has one row per note with UTC and home-zone times', () => {
    const csv = renderCsv(fixtureSnapshot());
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'phase,cluster,text,author,organisation,votes,created_at_utc,created_at (Europe/Paris),theme,"Round 1: Pain points, clusters (votes)","Round 2: Pain points, notes (votes)","Round 3: Recommendations, clusters (votes)"',
    );
    expect(lines).toHaveLength(fixture.notes.length + 2);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toBe(
      'Pain points,culture,Different administrative cultures clash and quietly block new projects,Participant Manchester,Greater Manchester Combined Authority,3,2021-06-03T13:30:00.000Z,2021-06-03 15:30,,0,3,',
    );
    expect(lines[12]).toBe(
      'Pain points,money,"Pilots are budgeted as if they will fail, so scaling waits a whole budget cycle",Participant Manchester,Greater Manchester Combined Authority,5,2021-06-03T13:41:00.000Z,2021-06-03 15:41,,7,5,',
    );
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['\rCR', `"'\rCR"`],
    ['a=b', 'a=b'],
    ['', ''],
  ])('field %j is written as %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('writes numbers as numbers, even negative ones', () => {
    expect(csvField(-3)).toBe('-3');
  });
});

describe('JSON export and import', () => {
  it('is versioned and survives import → export byte for byte', () => {
    const exported = exportWorkshopJson(fixtureSnapshot());
    expect(JSON.parse(exported)).toMatchObject({ format: 'crossboard-workshop', version: 2 });
    const imported = importWorkshop(exported);
    expect(exportWorkshopJson(imported)).toBe(exported);
    expect(imported).toEqual(fixtureSnapshot());
    expect(renderMarkdown(imported)).toBe(renderMarkdown(fixtureSnapshot()));
  });

  it('restores an imported workshop into rooms that read back as the same workshop', () => {
    const original = fixtureSnapshot();
    const imported = importWorkshop(exportWorkshopJson(original));
    const docs = snapshotToDocs(imported);
    const people = imported.people;
    expect(snapshotFromDocs(docs, people)).toEqual(original);
    // And the rooms travel: a replica of each reads the same.
    const replica = { board: new Y.Doc(), control: new Y.Doc(), report: new Y.Doc() };
    for (const k of ['board', 'control', 'report'] as const) Y.applyUpdate(replica[k], Y.encodeStateAsUpdate(docs[k]));
    expect(exportWorkshopJson(snapshotFromDocs(replica, people))).toBe(exportWorkshopJson(original));
  });

  it('names no author in an anonymous workshop’s JSON', () => {
    const s = fixtureSnapshot();
    const exported = JSON.parse(exportWorkshopJson({ ...s, workshop: { ...s.workshop, anonymous: true } }));
    expect(exported.notes.every((n: { authorId: unknown }) => n.authorId === null)).toBe(true);
  });

  const valid = () => JSON.parse(exportWorkshopJson(fixtureSnapshot()));
  it.each([
    ['not json', () => '{', '$: not valid JSON'],
    ['another format', () => ({ ...valid(), format: 'miro' }), '$.format'],
    ['a newer version', () => ({ ...valid(), version: 3 }), '$.version: version 3 is not supported'],
    [
      'a round with a bad target',
      () => {
        const v = valid();
        v.votingRounds[0].target = 'people';
        return v;
      },
      '$.votingRounds[0].target',
    ],
    [
      'a result on an id that is no id',
      () => {
        const v = valid();
        v.votingRounds[1].results[0].itemId = '__proto__';
        return v;
      },
      '$.votingRounds[1].results[0].itemId',
    ],
    [
      'a bad phase',
      () => {
        const v = valid();
        v.notes[3].phase = 'lunch';
        return v;
      },
      '$.notes[3].phase',
    ],
    [
      'a bad instant',
      () => {
        const v = valid();
        v.notes[0].createdAt = 'yesterday';
        return v;
      },
      '$.notes[0].createdAt',
    ],
    [
      'negative votes',
      () => {
        const v = valid();
        v.clusters[1].votes = -1;
        return v;
      },
      '$.clusters[1].votes',
    ],
    [
      'a note too long',
      () => {
        const v = valid();
        v.notes[0].text = 'x'.repeat(2001);
        return v;
      },
      '$.notes[0].text: longer than 2000',
    ],
    [
      'an unknown credit',
      () => {
        const v = valid();
        v.people[0].credit = 'famous';
        return v;
      },
      '$.people[0].credit',
    ],
    [
      'a bad step status',
      () => {
        const v = valid();
        v.recommendations[0].actionSteps[0].status = 'maybe';
        return v;
      },
      '$.recommendations[0].actionSteps[0].status',
    ],
  ])('refuses %s, saying where', (_name, make, where) => {
    expect(() => importWorkshop(make())).toThrow(WorkshopImportError);
    expect(() => importWorkshop(make())).toThrow(where);
  });

  it('accepts a note exactly at the length limit', () => {
    const v = valid();
    v.notes[0].text = 'x'.repeat(2000);
    expect(importWorkshop(v).notes[0]!.text).toHaveLength(2000);
  });
});
