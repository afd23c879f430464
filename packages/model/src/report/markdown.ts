import { PHASES, type Phase } from '../phases.ts';
import { HORIZON_TITLES, planLines, STEP_STATUS_TITLES } from '../schema/report.ts';
import { formatInZone } from '../time/zoned-time.ts';
import { votingRoundResults } from './rounds.ts';
import { contributors, noteAttribution } from './contributors.ts';
import { escapeMarkdownInline as inline, escapeMarkdownParagraphs } from './escape.ts';
import { feedbackMarkdown } from './feedback.ts';
import { rankedRecommendations } from './ranking.ts';
import type { SnapshotNote, WorkshopSnapshot } from './snapshot.ts';

export const PHASE_TITLES: Record<Phase, string> = {
  painPoints: 'Pain points',
  visions: 'Future visions',
  recommendations: 'Recommendations from the board',
};
const MAX_LINK_TEXT = 80;

const votes = (n: number) => (n > 0 ? ` · ${n} vote${n === 1 ? '' : 's'}` : '');

export interface MarkdownOptions {
  /** Locale for dates; times are shown in the workshop's home zone. */
  locale?: string;
}

/** The report as Markdown. Everything participants wrote is escaped: see escape.ts. */
export function renderMarkdown(snapshot: WorkshopSnapshot, options: MarkdownOptions = {}): string {
  const locale = options.locale ?? 'en-GB';
  const { workshop } = snapshot;
  const out: string[] = [`# ${inline(workshop.title)}`];
  if (workshop.purpose.trim()) out.push(escapeMarkdownParagraphs(workshop.purpose));
  if (workshop.themes.length) out.push(`**Themes:** ${workshop.themes.map(inline).join(', ')}`);
  if (workshop.sessions.length) {
    out.push(`## Sessions (${inline(workshop.homeTimeZone)})`);
    const when = (t: number, o: Intl.DateTimeFormatOptions) => formatInZone(t, workshop.homeTimeZone, locale, o);
    out.push(
      workshop.sessions
        .map(
          (s) =>
            `- ${inline(s.label)}: ${when(s.start, { dateStyle: 'medium', timeStyle: 'short' })}–${when(s.end, { timeStyle: 'short' })}`,
        )
        .join('\n'),
    );
  }

  const noteLine = (n: SnapshotNote) => {
    const a = noteAttribution(snapshot, n.authorId);
    const by = [a.name, a.organisation].filter(Boolean).map(inline).join(', ');
    const theme = n.theme ? ` · theme: ${inline(n.theme)}` : '';
    return `- ${inline(n.text) || '*(empty note)*'}${by ? ` — *${by}*` : ''}${theme}${votes(n.votes)}`;
  };
  for (const phase of PHASES) {
    const notes = snapshot.notes.filter((n) => n.phase === phase);
    if (notes.length === 0) continue;
    out.push(`## ${PHASE_TITLES[phase]}`);
    const clusters = snapshot.clusters.filter((c) => c.phase === phase);
    for (const c of clusters) {
      const inCluster = notes.filter((n) => n.clusterId === c.id);
      out.push(`### ${inline(c.title) || 'Untitled cluster'}${votes(c.votes)}`);
      if (inCluster.length) out.push(inCluster.map(noteLine).join('\n'));
    }
    const known = new Set(clusters.map((c) => c.id));
    const loose = notes.filter((n) => n.clusterId === null || !known.has(n.clusterId));
    if (loose.length) {
      if (clusters.length) out.push('### Not clustered');
      out.push(loose.map(noteLine).join('\n'));
    }
  }

  if (snapshot.recommendations.length) {
    out.push('## Recommendations and action steps');
    const nameOf = (id: string) => {
      const c = snapshot.clusters.find((x) => x.id === id);
      if (c) return c.title;
      const n = snapshot.notes.find((x) => x.id === id);
      if (!n) return null;
      return n.text.length > MAX_LINK_TEXT ? `${n.text.slice(0, MAX_LINK_TEXT - 1)}…` : n.text;
    };
    const links = (label: string, ids: string[]) => {
      const names = ids
        .map(nameOf)
        .filter((x) => x !== null)
        .map(inline);
      return names.length ? `**${label}:** ${names.join('; ')}` : null;
    };
    // Ranked by the votes of the note or cluster each came from (see ranking.ts).
    rankedRecommendations(snapshot).forEach(({ recommendation: r, votes: v }, i) => {
      out.push(`### ${i + 1}\\. ${inline(r.title) || 'Untitled recommendation'}${votes(v)}`);
      if (r.description.trim()) out.push(escapeMarkdownParagraphs(r.description));
      const plan = planLines(r.plan);
      if (plan.length) out.push(plan.map(([label, value]) => `- **${label}:** ${inline(value)}`).join('\n'));
      for (const l of [links('Pain points addressed', r.painPointLinks), links('Visions served', r.visionLinks)]) if (l) out.push(l);
      if (r.actionSteps.length) {
        out.push('**Action steps**');
        out.push(
          r.actionSteps
            .map((s) => {
              const owner = s.owner.trim() ? `owner: ${inline(s.owner)}; ` : '';
              return `- ${inline(s.text)} — ${owner}${HORIZON_TITLES[s.horizon]}; ${STEP_STATUS_TITLES[s.status]}`;
            })
            .join('\n'),
        );
      }
    });
  }

  // Every round keeps its results: the pain points' vote is still here after the visions'.
  // The printable page and the Word file also draw a chart; Markdown has no pictures of its
  // own that every reader shows, so the numbers go in as ranked lists.
  const rounds = votingRoundResults(snapshot);
  if (rounds.length) {
    out.push('## Vote results');
    const zone = workshop.homeTimeZone;
    const at = (t: number | null, o: Intl.DateTimeFormatOptions) => (t === null ? null : formatInZone(t, zone, locale, o));
    for (const r of rounds) {
      out.push(`### ${r.title}${r.rules ? ` · ${r.rules}` : ''}`);
      const opened = at(r.round.openedAt, { dateStyle: 'medium', timeStyle: 'short' });
      const closed = at(r.round.closedAt, { timeStyle: 'short' });
      if (opened) out.push(`Opened ${opened}${closed ? `, closed ${closed}` : ''} (${inline(zone)})`);
      if (r.round.status === 'open') out.push('*Voting is still open: results are published when it closes.*');
      else if (r.items.length === 0) out.push('*No votes were cast.*');
      else out.push(r.items.map((x) => `- **${x.votes}** · ${inline(x.label)}`).join('\n'));
    }
  }

  if (snapshot.feedback) out.push(...feedbackMarkdown(snapshot.feedback));

  const credits = contributors(snapshot);
  if (credits.named.length || credits.organisations.length) {
    out.push('## Contributors');
    if (credits.named.length) {
      out.push(credits.named.map((p) => `- ${inline(p.name)}${p.organisation ? ` (${inline(p.organisation)})` : ''}`).join('\n'));
    }
    if (credits.organisations.length) {
      out.push('### Organisations');
      out.push(credits.organisations.map((o) => `- ${inline(o.organisation)}`).join('\n'));
    }
  }
  return `${out.join('\n\n')}\n`;
}
