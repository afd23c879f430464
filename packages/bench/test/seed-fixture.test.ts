import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardNotes, listClusters, listNotes, PHASES, plainText, noteContent, roomName } from '@crossboard/model';
import { clusterGrid, NOTE_SLOT_HEIGHT, NOTE_WIDTH } from '../src/board/cluster-grid.ts';
import { loadFixture } from '../src/fixture.ts';
import { openRoom, waitUntil } from '../src/room-client.ts';
import { scheduleFromNow, seedFixture, type SeededWorkshop } from '../src/seed-fixture.ts';
import { startServer, type ServerProcess } from '../src/server-process.ts';

const fixture = loadFixture();
let server: ServerProcess;
let seeded: SeededWorkshop;

beforeAll(async () => {
  server = await startServer();
  seeded = await seedFixture(server.url);
});
afterAll(async () => {
  await server?.stop();
});

describe('seeding the fixture workshop', () => {
  it('a participant who joins later sees every fixture note, stamped with its writer and filed in its cluster', async () => {
    const manchester = seeded.people.find((p) => p.fixtureId === 'p2')!;
    const room = await openRoom(server.url, roomName({ kind: 'board', workshopId: seeded.workshopId }), manchester.token);
    try {
      await waitUntil('all notes', () => boardNotes(room.doc).size === fixture.notes.length);
      const clusters = listClusters(room.doc);
      expect(clusters.map((c) => c.title)).toContain('Risk-averse administrative cultures');
      expect(clusters).toHaveLength(new Set(fixture.notes.map((n) => n.cluster)).size);
      const titleOf = new Map(clusters.map((c) => [c.id, c.title]));
      const byText = new Map(listNotes(room.doc).map((n) => [plainText(noteContent(boardNotes(room.doc).get(n.id)!)), n]));
      for (const n of fixture.notes) {
        const note = byText.get(n.text);
        expect(note, n.text).toBeDefined();
        expect(note!.phase).toBe(n.phase);
        const writer = fixture.participants.find((p) => p.id === n.author)!;
        expect(note!.author?.name).toBe(writer.name);
        expect(note!.author?.id).toBe(seeded.people.find((p) => p.fixtureId === n.author)!.personId);
        expect(note!.clusterId && titleOf.get(note!.clusterId)).toBeTruthy();
        // Notes of one fixture cluster share one board cluster.
        expect(note!.clusterId).toBe(seeded.clusterIds[n.cluster]);
      }
    } finally {
      room.close();
    }
  });

  it('lays each phase out with no two notes overlapping', async () => {
    const room = await openRoom(server.url, roomName({ kind: 'board', workshopId: seeded.workshopId }), seeded.facilitator.token);
    try {
      await waitUntil('all notes', () => boardNotes(room.doc).size === fixture.notes.length);
      for (const phase of PHASES) {
        const notes = listNotes(room.doc, phase);
        for (let i = 0; i < notes.length; i++) {
          for (let j = i + 1; j < notes.length; j++) {
            const a = notes[i]!;
            const b = notes[j]!;
            const apart = Math.abs(a.x - b.x) >= NOTE_WIDTH || Math.abs(a.y - b.y) >= NOTE_SLOT_HEIGHT;
            expect(apart, `${phase}: notes at ${a.x},${a.y} and ${b.x},${b.y}`).toBe(true);
          }
        }
      }
    } finally {
      room.close();
    }
  });
});

describe('cluster grid', () => {
  it('puts a five-note cluster on three rows and starts the next row of clusters below the tallest', () => {
    const [big, small, next] = clusterGrid([5, 1, 2], { notesPerRow: 2, clustersPerRow: 2 });
    expect(new Set(big!.notes.map((p) => p.y)).size).toBe(3);
    expect(small!.frame.y).toBe(big!.frame.y);
    expect(next!.frame.y).toBeGreaterThan(Math.max(...big!.notes.map((p) => p.y)) + NOTE_SLOT_HEIGHT);
  });
});

describe('seeded schedule', () => {
  it('moves the fixture sessions so that session 1 is on now, keeping their lengths and gaps', () => {
    const now = Date.parse('2026-03-10T09:07:00Z');
    const sessions = scheduleFromNow(fixture, now).map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) }));
    expect(sessions).toHaveLength(3);
    expect(sessions[0]!.start).toBeLessThanOrEqual(now);
    expect(sessions[0]!.end).toBeGreaterThan(now);
    // Fixture: 3 June 15:30–18:00, 7 June 09:00–11:30 (Paris, both summer time).
    expect(sessions[0]!.end - sessions[0]!.start).toBe(150 * 60_000);
    expect(sessions[1]!.start - sessions[0]!.start).toBe((3 * 24 * 60 + 17 * 60 + 30) * 60_000);
  });
});
