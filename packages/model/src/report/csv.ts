import { instantToZonedLocal } from '../time/zoned-time.ts';
import { noteAttribution } from './contributors.ts';
import { csvRow } from './escape.ts';
import type { WorkshopSnapshot } from './snapshot.ts';

/**
 * One row per note (RFC 4180: CRLF line ends, fields quoted when needed, formula-looking
 * cells neutralised). Created-at is given in UTC and in the organiser's home zone.
 */
export function renderCsv(snapshot: WorkshopSnapshot): string {
  const zone = snapshot.workshop.homeTimeZone;
  const clusterTitle = new Map(snapshot.clusters.map((c) => [c.id, c.title]));
  const rows = [
    csvRow(['phase', 'cluster', 'text', 'author', 'organisation', 'votes', 'created_at_utc', `created_at (${zone})`]),
    ...snapshot.notes.map((n) => {
      const a = noteAttribution(snapshot, n.authorId);
      return csvRow([
        n.phase,
        (n.clusterId !== null && clusterTitle.get(n.clusterId)) || '',
        n.text,
        a.name,
        a.organisation,
        n.votes,
        new Date(n.createdAt).toISOString(),
        instantToZonedLocal(n.createdAt, zone).replace('T', ' '),
      ]);
    }),
  ];
  return `${rows.join('\r\n')}\r\n`;
}
