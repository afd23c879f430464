import { instantToZonedLocal } from '../time/zoned-time.ts';
import { noteAttribution } from './contributors.ts';
import { csvRow } from './escape.ts';
import { feedbackCsvCells } from './feedback.ts';
import { PHASE_NAMES, votingRoundResults } from './rounds.ts';
import type { WorkshopSnapshot } from './snapshot.ts';

/**
 * One row per note (RFC 4180: CRLF line ends, fields quoted when needed, formula-looking
 * cells neutralised). Created-at is given in UTC and in the organiser's home zone. `votes` is
 * the note's latest result; then one column per closed voting round, so an earlier round's
 * results stay in the file: the note's dots, or its cluster's in a round on clusters, blank
 * where the round did not count it.
 */
export function renderCsv(snapshot: WorkshopSnapshot): string {
  const zone = snapshot.workshop.homeTimeZone;
  const clusterTitle = new Map(snapshot.clusters.map((c) => [c.id, c.title]));
  const rounds = votingRoundResults(snapshot)
    .filter((r) => r.round.status === 'closed')
    .map((r) => ({ ...r, votes: new Map(r.round.results.map((x) => [x.itemId, x.votes])) }));
  const rows = [
    csvRow([
      // New columns go last, so a spreadsheet built on the earlier columns keeps working.
      'phase',
      'cluster',
      'text',
      'author',
      'organisation',
      'votes',
      'created_at_utc',
      `created_at (${zone})`,
      'theme',
      ...rounds.map((r) => `${r.title} (votes)`),
    ]),
    ...snapshot.notes.map((n) => {
      const a = noteAttribution(snapshot, n.authorId);
      return csvRow([
        PHASE_NAMES[n.phase],
        (n.clusterId !== null && clusterTitle.get(n.clusterId)) || '',
        n.text,
        a.name,
        a.organisation,
        n.votes,
        new Date(n.createdAt).toISOString(),
        instantToZonedLocal(n.createdAt, zone).replace('T', ' '),
        n.theme ?? '',
        ...rounds.map((r) => {
          if (r.round.phase !== n.phase) return '';
          const item = r.round.target === 'notes' ? n.id : n.clusterId;
          return item === null ? '' : (r.votes.get(item) ?? 0);
        }),
      ]);
    }),
    // The survey after the notes, in the same columns: phase "feedback", the question where a
    // cluster goes, the answer as the text, the count as the votes.
    ...(snapshot.feedback
      ? feedbackCsvCells(snapshot.feedback).map((c) =>
          csvRow(['feedback', c.question, c.answer, '', '', c.count, '', '', '', ...rounds.map(() => '')]),
        )
      : []),
  ];
  return `${rows.join('\r\n')}\r\n`;
}
