import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { FEEDBACK_TITLES, feedbackRows, type FeedbackResults } from '@crossboard/model';

/** A count's bar in the Word table is this many blocks at most; the number sits beside it. */
const MAX_BAR_BLOCKS = 20;

const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '');
const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: clean(text), bold })] })] });

/**
 * The survey's results for a Word report (workshop or series): how many answered and the
 * mean, a table of counts with a bar per row standing in for the chart, then the comments.
 * Only the docx writers import this, so the docx library still loads on the first Word export.
 */
export function feedbackDocx(r: FeedbackResults): (Paragraph | Table)[] {
  const rows = feedbackRows(r);
  const max = Math.max(1, ...rows.map(([, , n]) => n));
  const mean = r.usefulMean === null ? '' : `; mean usefulness ${r.usefulMean} of 5`;
  const out: (Paragraph | Table)[] = [
    new Paragraph({ text: FEEDBACK_TITLES.heading, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: [new TextRun(`${r.answers} answer${r.answers === 1 ? '' : 's'}${mean}.`)] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [cell('Question', true), cell('Answer', true), cell('Count', true), cell('', true)] }),
        ...rows.map(
          ([q, a, n]) =>
            new TableRow({
              children: [
                cell(q),
                cell(a),
                cell(String(n)),
                cell(n === 0 ? '' : '█'.repeat(Math.max(1, Math.round((MAX_BAR_BLOCKS * n) / max)))),
              ],
            }),
        ),
      ],
    }),
  ];
  if (r.comments.length) {
    out.push(new Paragraph({ text: FEEDBACK_TITLES.change, heading: HeadingLevel.HEADING_2 }));
    for (const c of r.comments) out.push(new Paragraph({ children: [new TextRun(clean(c))], bullet: { level: 0 } }));
  }
  return out;
}
