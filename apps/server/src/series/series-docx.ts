import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { HORIZON_TITLES, planLines, SERIES_PHASE_TITLES, STEP_STATUS_TITLES, workshopDates, type SeriesReport } from '@crossboard/model';
import { feedbackDocx } from '../feedback/feedback-docx.ts';

/** XML 1.0 cannot hold most control characters; a note pasted from elsewhere may carry them. */
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '');
const votes = (n: number) => (n > 0 ? ` · ${n} vote${n === 1 ? '' : 's'}` : '');
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text: clean(text), heading: level });
const para = (text: string) => new Paragraph({ children: [new TextRun(clean(text))] });
const bullet = (runs: TextRun[]) => new Paragraph({ children: runs, bullet: { level: 0 } });
const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: clean(text), bold })] })] });
const table = (head: string[], rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((x) => cell(x)) })),
    ],
  });

/** The series report as a Word document: the same sections as its Markdown (series-writers.ts). */
export function buildSeriesDocx(report: SeriesReport, locale = 'en-GB'): Document {
  const body: (Paragraph | Table)[] = [new Paragraph({ text: clean(report.title), heading: HeadingLevel.TITLE })];
  for (const line of report.purpose.split('\n').filter((l) => l.trim())) body.push(para(line));

  body.push(heading('Workshops', HeadingLevel.HEADING_1));
  body.push(
    table(
      ['Workshop', 'When', 'Participants', 'Countries', 'Organisations'],
      report.workshops.map((w) => [
        w.title,
        workshopDates(w, locale).join('; '),
        String(w.participants),
        w.countries.join(', '),
        w.organisations.join(', '),
      ]),
    ),
  );

  if (report.recommendations.length) {
    body.push(heading('Recommendations and action steps', HeadingLevel.HEADING_1));
    report.recommendations.forEach((r, i) => {
      body.push(heading(`${i + 1}. ${r.title || 'Untitled recommendation'}${votes(r.votes)}`, HeadingLevel.HEADING_2));
      body.push(
        new Paragraph({
          children: [
            new TextRun({ text: 'From: ', bold: true }),
            new TextRun(clean(r.sources.map((s) => `${s.workshopTitle} (${s.title || 'untitled'})`).join('; '))),
          ],
        }),
      );
      for (const line of r.description.split('\n').filter((l) => l.trim())) body.push(para(line));
      for (const [label, value] of planLines(r.plan)) {
        body.push(new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(clean(value))] }));
      }
      if (r.actionSteps.length) {
        body.push(
          table(
            ['Step', 'Workshop', 'Owner', 'Horizon', 'Status'],
            r.actionSteps.map((s) => [s.text, s.workshopTitle, s.owner, HORIZON_TITLES[s.horizon], STEP_STATUS_TITLES[s.status]]),
          ),
        );
      }
    });
  }

  for (const phase of ['painPoints', 'visions'] as const) {
    const clusters = report.clusters.filter((c) => c.phase === phase);
    if (!clusters.length) continue;
    body.push(heading(`${SERIES_PHASE_TITLES[phase]} across the workshops`, HeadingLevel.HEADING_1));
    for (const c of clusters) {
      body.push(heading(`${c.title || 'Not clustered'}${votes(c.votes)}`, HeadingLevel.HEADING_2));
      body.push(
        new Paragraph({
          children: [new TextRun({ text: 'In: ', italics: true }), new TextRun({ text: clean(c.workshops.join(', ')), italics: true })],
        }),
      );
      for (const n of c.notes) {
        const by = [n.name, n.organisation].filter(Boolean).join(', ');
        body.push(
          bullet([new TextRun(clean(n.text) || '(empty note)'), ...(by ? [new TextRun({ text: ` — ${clean(by)}`, italics: true })] : [])]),
        );
      }
    }
  }

  const p = report.participation;
  body.push(heading('Participation', HeadingLevel.HEADING_1));
  body.push(para(`${p.people} ${p.people === 1 ? 'person' : 'people'} took part.`));
  if (p.countries.length)
    body.push(
      table(
        ['Country', 'People'],
        p.countries.map((c) => [c.country, String(c.people)]),
      ),
    );
  if (p.organisations.length)
    body.push(
      table(
        ['Organisation', 'People'],
        p.organisations.map((o) => [o.organisation, String(o.people)]),
      ),
    );

  if (report.feedback) body.push(...feedbackDocx(report.feedback));

  const credits = report.contributors;
  if (credits.named.length || credits.organisations.length) {
    body.push(heading('Contributors', HeadingLevel.HEADING_1));
    for (const c of credits.named)
      body.push(
        bullet([new TextRun({ text: clean(c.name), bold: true }), new TextRun(c.organisation ? ` (${clean(c.organisation)})` : '')]),
      );
    if (credits.organisations.length) {
      body.push(heading('Organisations', HeadingLevel.HEADING_2));
      for (const o of credits.organisations) body.push(bullet([new TextRun(clean(o.organisation))]));
    }
  }
  return new Document({
    creator: 'Crossboard',
    title: clean(report.title),
    description: clean(report.purpose).slice(0, 250),
    sections: [{ children: body }],
  });
}

export async function renderSeriesDocx(report: SeriesReport): Promise<Buffer> {
  return Packer.toBuffer(buildSeriesDocx(report));
}
