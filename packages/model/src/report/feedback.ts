import { escapeXml } from './charts.ts';
import { escapeMarkdownInline as inline } from './escape.ts';

/**
 * The end-of-session survey: how useful (1–5), would you come again, did you meet someone
 * useful, what should change. Answers are stored without a person unless the facilitator
 * asked for names; here they are plain data, aggregated for the reports.
 */

/** What should change: a few sentences. */
export const MAX_FEEDBACK_COMMENT_LENGTH = 1_000;
export const USEFUL_SCORES = [1, 2, 3, 4, 5] as const;
export type UsefulScore = (typeof USEFUL_SCORES)[number];
export const COME_AGAIN = ['yes', 'maybe', 'no'] as const;
export type ComeAgain = (typeof COME_AGAIN)[number];
export const MET_SOMEONE = ['yes', 'no'] as const;
export type MetSomeone = (typeof MET_SOMEONE)[number];

export interface SurveyAnswer {
  useful: UsefulScore | null;
  comeAgain: ComeAgain | null;
  metSomeone: MetSomeone | null;
  change: string;
}

export interface FeedbackResults {
  answers: number;
  /** Answers per score, 1 to 5 in order. */
  useful: Record<`${UsefulScore}`, number>;
  /** Mean of the scores given, to one decimal; null when nobody scored. */
  usefulMean: number | null;
  comeAgain: Record<ComeAgain, number>;
  metSomeone: Record<MetSomeone, number>;
  /** Non-empty answers to "what should change", in the order given. */
  comments: string[];
}

export const isUsefulScore = (v: unknown): v is UsefulScore => typeof v === 'number' && (USEFUL_SCORES as readonly number[]).includes(v);

export function aggregateSurvey(answers: readonly SurveyAnswer[]): FeedbackResults {
  const useful = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<`${UsefulScore}`, number>;
  const comeAgain: Record<ComeAgain, number> = { yes: 0, maybe: 0, no: 0 };
  const metSomeone: Record<MetSomeone, number> = { yes: 0, no: 0 };
  const comments: string[] = [];
  let sum = 0;
  let scored = 0;
  for (const a of answers) {
    if (isUsefulScore(a.useful)) {
      useful[`${a.useful}`]++;
      sum += a.useful;
      scored++;
    }
    if (a.comeAgain && (COME_AGAIN as readonly string[]).includes(a.comeAgain)) comeAgain[a.comeAgain]++;
    if (a.metSomeone && (MET_SOMEONE as readonly string[]).includes(a.metSomeone)) metSomeone[a.metSomeone]++;
    const comment = a.change.trim().slice(0, MAX_FEEDBACK_COMMENT_LENGTH);
    if (comment) comments.push(comment);
  }
  return {
    answers: answers.length,
    useful,
    usefulMean: scored === 0 ? null : Math.round((sum / scored) * 10) / 10,
    comeAgain,
    metSomeone,
    comments,
  };
}

/** Several sessions' (or workshops') results as one: counts add up, the mean is re-weighted. */
export function combineFeedback(list: readonly FeedbackResults[]): FeedbackResults {
  const out = aggregateSurvey([]);
  let sum = 0;
  let scored = 0;
  for (const r of list) {
    out.answers += r.answers;
    for (const s of USEFUL_SCORES) {
      out.useful[`${s}`] += r.useful[`${s}`];
      sum += s * r.useful[`${s}`];
      scored += r.useful[`${s}`];
    }
    for (const k of COME_AGAIN) out.comeAgain[k] += r.comeAgain[k];
    for (const k of MET_SOMEONE) out.metSomeone[k] += r.metSomeone[k];
    out.comments.push(...r.comments);
  }
  out.usefulMean = scored === 0 ? null : Math.round((sum / scored) * 10) / 10;
  return out;
}

/** The report's English wording of the questions and answers. */
export const FEEDBACK_TITLES = {
  heading: 'Participant feedback',
  useful: 'How useful was the session (1 = not at all, 5 = very)',
  comeAgain: 'Would you come again?',
  metSomeone: 'Did you meet someone useful?',
  change: 'What should change',
  answers: { yes: 'yes', maybe: 'maybe', no: 'no' },
} as const;

/** The feedback as rows of a table: question, answer, count. */
export function feedbackRows(r: FeedbackResults): [string, string, number][] {
  return [
    ...USEFUL_SCORES.map((s) => [FEEDBACK_TITLES.useful, String(s), r.useful[`${s}`]] as [string, string, number]),
    ...COME_AGAIN.map((k) => [FEEDBACK_TITLES.comeAgain, FEEDBACK_TITLES.answers[k], r.comeAgain[k]] as [string, string, number]),
    ...MET_SOMEONE.map((k) => [FEEDBACK_TITLES.metSomeone, FEEDBACK_TITLES.answers[k], r.metSomeone[k]] as [string, string, number]),
  ];
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif"';

/** Usefulness scores as a bar chart: self-contained SVG whose description reads every number. */
export function feedbackChartSvg(r: FeedbackResults, title = 'How useful was the session'): string {
  const width = 360;
  const labelWidth = 40;
  const rowHeight = 26;
  const top = 34;
  const height = top + USEFUL_SCORES.length * rowHeight + 8;
  const max = Math.max(1, ...USEFUL_SCORES.map((s) => r.useful[`${s}`]));
  const desc = `${USEFUL_SCORES.map((s) => `${s}: ${r.useful[`${s}`]}`).join('; ')}${r.usefulMean === null ? '' : `; mean ${r.usefulMean}`}`;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="feedback-chart-title feedback-chart-desc">`,
    `<title id="feedback-chart-title">${escapeXml(title)}</title>`,
    `<desc id="feedback-chart-desc">${escapeXml(desc)}</desc>`,
    `<text x="0" y="22" ${FONT} font-size="15" font-weight="600" fill="#111827">${escapeXml(title)}</text>`,
  ];
  USEFUL_SCORES.forEach((s, i) => {
    const y = top + i * rowHeight;
    const n = r.useful[`${s}`];
    const w = n === 0 ? 0 : Math.max(3, Math.round(((width - labelWidth - 36) * n) / max));
    out.push(
      `<text x="${labelWidth - 8}" y="${y + 18}" ${FONT} font-size="13" text-anchor="end" fill="#111827">${s}</text>`,
      `<rect x="${labelWidth}" y="${y + 5}" width="${w}" height="${rowHeight - 10}" rx="3" fill="#1d4ed8"/>`,
      `<text x="${labelWidth + w + 6}" y="${y + 18}" ${FONT} font-size="13" fill="#111827">${n}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The results as Markdown blocks under a level-2 heading: how many answered, a table of
 * counts per question (Markdown shows no picture every reader sees), the mean, the comments.
 */
export function feedbackMarkdown(r: FeedbackResults): string[] {
  const out = [
    `## ${FEEDBACK_TITLES.heading}`,
    `${plural(r.answers, 'answer', 'answers')}${r.usefulMean === null ? '' : `; mean usefulness ${r.usefulMean} of 5`}.`,
  ];
  out.push(['| Question | Answer | Count |', '|---|---|---:|', ...feedbackRows(r).map(([q, a, n]) => `| ${q} | ${a} | ${n} |`)].join('\n'));
  if (r.comments.length) out.push(`### ${FEEDBACK_TITLES.change}`, r.comments.map((c) => `- ${inline(c)}`).join('\n'));
  return out;
}

/**
 * The results as CSV cells: one row per answer counted, then one per comment. The writers
 * place them in their own columns, so each file keeps the columns it always had.
 */
export function feedbackCsvCells(r: FeedbackResults): { question: string; answer: string; count: number | '' }[] {
  return [
    ...feedbackRows(r).map(([question, answer, count]) => ({ question, answer, count })),
    ...r.comments.map((c) => ({ question: FEEDBACK_TITLES.change, answer: c, count: '' as const })),
  ];
}
