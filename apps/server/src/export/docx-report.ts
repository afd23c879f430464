import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import {
  contributors,
  formatInZone,
  HORIZON_TITLES,
  noteAttribution,
  PHASE_TITLES,
  PHASES,
  planLines,
  rankedRecommendations,
  STEP_STATUS_TITLES,
  votingRoundResults,
  type SnapshotNote,
  type WorkshopSnapshot,
} from '@crossboard/model';
import { feedbackDocx } from '../feedback/feedback-docx.ts';

/** A vote bar in the Word table is this many blocks at most; the number sits beside it. */
const MAX_BAR_BLOCKS = 20;

/** XML 1.0 cannot hold most control characters; a note pasted from elsewhere may carry them. */
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '');
const votes = (n: number) => (n > 0 ? ` · ${n} vote${n === 1 ? '' : 's'}` : '');

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text: clean(text), heading: level });
const para = (text: string) => new Paragraph({ children: [new TextRun(clean(text))] });
const bullet = (runs: TextRun[], level = 0) => new Paragraph({ children: runs, bullet: { level } });
const labelled = (label: string, text: string) =>
  new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(clean(text))] });

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: clean(text), bold })] })] });
}

/**
 * The report as a Word document, with the same content as the Markdown report: title,
 * purpose, sessions, clusters with notes and votes, the vote results, recommendations with
 * action steps and what they answer, and the contributors. The docx library escapes text.
 */
export function buildDocxReport(snapshot: WorkshopSnapshot, locale = 'en-GB'): Document {
  const { workshop } = snapshot;
  const body: (Paragraph | Table)[] = [new Paragraph({ text: clean(workshop.title), heading: HeadingLevel.TITLE })];
  for (const line of workshop.purpose.split('\n').filter((l) => l.trim())) body.push(para(line));
  if (workshop.themes.length) body.push(labelled('Themes', workshop.themes.join(', ')));

  if (workshop.sessions.length) {
    body.push(heading(`Sessions (${workshop.homeTimeZone})`, HeadingLevel.HEADING_1));
    const when = (t: number, o: Intl.DateTimeFormatOptions) => formatInZone(t, workshop.homeTimeZone, locale, o);
    for (const s of workshop.sessions) {
      body.push(
        bullet([
          new TextRun({ text: `${clean(s.label)}: `, bold: true }),
          new TextRun(
            `${when(s.start, { dateStyle: 'medium', timeStyle: 'short' })}–${when(s.end, { timeStyle: 'short' })} (${new Date(s.start).toISOString().slice(11, 16)} UTC)`,
          ),
        ]),
      );
    }
  }

  const noteBullet = (n: SnapshotNote) => {
    const a = noteAttribution(snapshot, n.authorId);
    const by = [a.name, a.organisation].filter(Boolean).join(', ');
    const runs = [new TextRun(clean(n.text) || '(empty note)')];
    if (by) runs.push(new TextRun({ text: ` — ${clean(by)}`, italics: true }));
    if (n.theme) runs.push(new TextRun(` · theme: ${clean(n.theme)}`));
    if (n.votes) runs.push(new TextRun({ text: votes(n.votes), bold: true }));
    return bullet(runs);
  };
  for (const phase of PHASES) {
    const notes = snapshot.notes.filter((n) => n.phase === phase);
    if (!notes.length) continue;
    body.push(heading(PHASE_TITLES[phase], HeadingLevel.HEADING_1));
    const clusters = snapshot.clusters.filter((c) => c.phase === phase);
    for (const c of clusters) {
      body.push(heading(`${c.title || 'Untitled cluster'}${votes(c.votes)}`, HeadingLevel.HEADING_2));
      for (const n of notes.filter((x) => x.clusterId === c.id)) body.push(noteBullet(n));
    }
    const known = new Set(clusters.map((c) => c.id));
    const loose = notes.filter((n) => n.clusterId === null || !known.has(n.clusterId));
    if (loose.length) {
      if (clusters.length) body.push(heading('Not clustered', HeadingLevel.HEADING_2));
      for (const n of loose) body.push(noteBullet(n));
    }
  }

  // Every round with its own table: the visions' vote does not replace the pain points'.
  const rounds = votingRoundResults(snapshot);
  if (rounds.length) {
    body.push(heading('Vote results', HeadingLevel.HEADING_1));
    const at = (t: number | null, o: Intl.DateTimeFormatOptions) => (t === null ? null : formatInZone(t, workshop.homeTimeZone, locale, o));
    for (const r of rounds) {
      body.push(heading(`${r.title}${r.rules ? ` · ${r.rules}` : ''}`, HeadingLevel.HEADING_2));
      const opened = at(r.round.openedAt, { dateStyle: 'medium', timeStyle: 'short' });
      const closed = at(r.round.closedAt, { timeStyle: 'short' });
      if (opened) body.push(para(`Opened ${opened}${closed ? `, closed ${closed}` : ''} (${workshop.homeTimeZone})`));
      if (r.round.status === 'open') {
        body.push(para('Voting is still open: results are published when it closes.'));
        continue;
      }
      if (!r.items.length) {
        body.push(para('No votes were cast.'));
        continue;
      }
      const max = Math.max(...r.items.map((x) => x.votes));
      body.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: [cell('Item', true), cell('Votes', true), cell('', true)] }),
            ...r.items.map(
              (x) =>
                new TableRow({
                  children: [
                    cell(x.label),
                    cell(String(x.votes)),
                    cell('█'.repeat(Math.max(1, Math.round((MAX_BAR_BLOCKS * x.votes) / max)))),
                  ],
                }),
            ),
          ],
        }),
      );
    }
  }

  const ranked = rankedRecommendations(snapshot);
  if (ranked.length) {
    body.push(heading('Recommendations and action steps', HeadingLevel.HEADING_1));
    const nameOf = (id: string) =>
      snapshot.clusters.find((c) => c.id === id)?.title ?? snapshot.notes.find((n) => n.id === id)?.text ?? null;
    ranked.forEach(({ recommendation: r, votes: v }, i) => {
      body.push(heading(`${i + 1}. ${r.title || 'Untitled recommendation'}${votes(v)}`, HeadingLevel.HEADING_2));
      for (const line of r.description.split('\n').filter((l) => l.trim())) body.push(para(line));
      for (const [label, value] of planLines(r.plan)) body.push(labelled(label, value));
      const painPoints = r.painPointLinks.map(nameOf).filter((x) => x !== null);
      const visions = r.visionLinks.map(nameOf).filter((x) => x !== null);
      if (painPoints.length) body.push(labelled('Pain points addressed', painPoints.join('; ')));
      if (visions.length) body.push(labelled('Visions served', visions.join('; ')));
      if (r.actionSteps.length) {
        body.push(heading('Action steps', HeadingLevel.HEADING_3));
        body.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                tableHeader: true,
                children: [cell('Step', true), cell('Owner', true), cell('Horizon', true), cell('Status', true)],
              }),
              ...r.actionSteps.map(
                (s) =>
                  new TableRow({
                    children: [cell(s.text), cell(s.owner), cell(HORIZON_TITLES[s.horizon]), cell(STEP_STATUS_TITLES[s.status])],
                  }),
              ),
            ],
          }),
        );
      }
    });
  }

  if (snapshot.feedback) body.push(...feedbackDocx(snapshot.feedback));

  const credits = contributors(snapshot);
  if (credits.named.length || credits.organisations.length) {
    body.push(heading('Contributors', HeadingLevel.HEADING_1));
    for (const p of credits.named)
      body.push(
        bullet([new TextRun({ text: clean(p.name), bold: true }), new TextRun(p.organisation ? ` (${clean(p.organisation)})` : '')]),
      );
    if (credits.organisations.length) {
      body.push(heading('Organisations', HeadingLevel.HEADING_2));
      for (const o of credits.organisations) body.push(bullet([new TextRun(clean(o.organisation))]));
    }
  }
  body.push(
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: 'Made with Crossboard', italics: true, size: 16 })] }),
  );

  return new Document({
    creator: 'Crossboard',
    title: clean(workshop.title),
    description: clean(workshop.purpose).slice(0, 250),
    sections: [{ children: body }],
  });
}

export async function renderDocx(snapshot: WorkshopSnapshot): Promise<Buffer> {
  return Packer.toBuffer(buildDocxReport(snapshot));
}
