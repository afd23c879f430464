/**
 * Seeds the cross-border fixture workshop into a running server, the way real people would
 * fill it: the facilitator creates the workshop, every participant joins over HTTP and writes
 * their own notes through y-websocket with their own token (so the server stamps the
 * authors), then the facilitator draws the clusters and files the notes into them.
 *
 * Usage: pnpm seed [server URL]   (or CROSSBOARD_URL; default http://127.0.0.1:8787)
 */
import { pathToFileURL } from 'node:url';
import {
  boardClusters,
  boardNotes,
  createCluster,
  createNote,
  PHASES,
  roomName,
  sessionsFromLocal,
  updateNote,
  type Author,
  type Phase,
} from '@crossboard/model';
import { clusterGrid, type GridOptions } from './board/cluster-grid.ts';
import { clusterTitle, loadFixture, type Fixture, type FixtureNote } from './fixture.ts';
import { openRoom, waitUntil, type RoomClient } from './room-client.ts';
import { createWorkshop, joinWorkshop } from './workshop-api.ts';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

export interface SeededPerson {
  fixtureId: string;
  personId: string;
  token: string;
  role: 'facilitator' | 'participant';
  name: string;
  organisation: string;
  timeZone: string;
  language: string;
}

export interface SeededWorkshop {
  baseUrl: string;
  workshopId: string;
  /** Path of the participant link, as the API returns it. */
  joinUrl: string;
  facilitator: SeededPerson;
  people: SeededPerson[];
  /** Board ids of the fixture's notes, in fixture order. */
  noteIds: string[];
  /** Board ids of the clusters, by the fixture's cluster slug. */
  clusterIds: Record<string, string>;
}

export interface SeedOptions {
  fixture?: Fixture;
  grid?: GridOptions;
  timeoutMs?: number;
}

/** Two notes per row inside a cluster, two clusters side by side: both fit a laptop's board at 100 %. */
export const FIXTURE_GRID: GridOptions = { notesPerRow: 2, clustersPerRow: 2 };

interface PlannedNote {
  index: number;
  note: FixtureNote;
  x: number;
  y: number;
}

/** Fixture notes grouped by phase and cluster (in order of first mention), each with its spot. */
export function planFixtureBoard(fixture: Fixture, grid: GridOptions = FIXTURE_GRID) {
  const notes: PlannedNote[] = [];
  const clusters: { slug: string; phase: Phase; x: number; y: number }[] = [];
  for (const phase of PHASES) {
    const groups = new Map<string, number[]>();
    fixture.notes.forEach((n, index) => {
      if (n.phase !== phase) return;
      const members = groups.get(n.cluster) ?? [];
      members.push(index);
      groups.set(n.cluster, members);
    });
    const slugs = [...groups.keys()];
    const placements = clusterGrid(
      slugs.map((s) => groups.get(s)!.length),
      grid,
    );
    slugs.forEach((slug, i) => {
      const place = placements[i]!;
      clusters.push({ slug, phase, ...place.frame });
      groups.get(slug)!.forEach((index, k) => notes.push({ index, note: fixture.notes[index]!, ...place.notes[k]! }));
    });
  }
  return { notes, clusters };
}

const QUARTER_HOUR = 15 * 60 * 1000;

/**
 * The fixture's sessions happened in June 2021; boards are closed to participants outside
 * sessions, so a seeded workshop would be read-only. The schedule keeps its lengths and gaps
 * but moves so that session 1 started a little before `now`.
 */
export function scheduleFromNow(fixture: Fixture, now = Date.now()): { label: string; start: string; end: string }[] {
  const sessions = sessionsFromLocal(fixture.workshop.sessions, fixture.workshop.homeTimeZone);
  if (sessions.length === 0) return [];
  const shift = Math.floor((now - QUARTER_HOUR) / QUARTER_HOUR) * QUARTER_HOUR - sessions[0]!.start;
  const iso = (t: number) => new Date(t + shift).toISOString();
  return sessions.map((s) => ({ label: s.label, start: iso(s.start), end: iso(s.end) }));
}

async function whoAmI(baseUrl: string, workshopId: string, token: string): Promise<Author> {
  const res = await fetch(`${baseUrl}/api/workshops/${encodeURIComponent(workshopId)}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET workshop: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { you: { personId: string; name: string; organisation?: string } };
  return { id: body.you.personId, name: body.you.name, organisation: body.you.organisation ?? '' };
}

export async function seedFixture(baseUrl: string, options: SeedOptions = {}): Promise<SeededWorkshop> {
  const fixture = options.fixture ?? loadFixture();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const base = baseUrl.replace(/\/$/, '');
  const lead = fixture.participants.find((p) => p.role === 'facilitator');
  if (!lead) throw new Error('the fixture names no facilitator');

  const w = fixture.workshop;
  const created = await createWorkshop(base, {
    title: w.title,
    purpose: w.purpose,
    themes: w.themes,
    homeTimeZone: w.homeTimeZone,
    sessions: scheduleFromNow(fixture),
    phaseMinutes: w.phaseMinutes,
    votesPerParticipant: w.votesPerParticipant,
    facilitatorName: lead.name,
  });
  const workshopId = created.id;
  const facilitator: SeededPerson = {
    fixtureId: lead.id,
    personId: created.facilitatorId,
    token: created.facilitatorToken,
    role: 'facilitator',
    name: lead.name,
    organisation: '',
    timeZone: lead.timeZone,
    language: lead.language,
  };
  const people: SeededPerson[] = [facilitator];
  for (const p of fixture.participants) {
    if (p.role === 'facilitator') continue;
    const joined = await joinWorkshop(base, workshopId, p);
    people.push({ ...p, fixtureId: p.id, personId: joined.participantId, token: joined.token, role: 'participant' });
  }

  const plan = planFixtureBoard(fixture, options.grid);
  const noteIds: string[] = new Array(fixture.notes.length);
  const rooms: RoomClient[] = [];
  const board = roomName({ kind: 'board', workshopId });
  try {
    // Everyone writes at once, each through their own socket, as in a live session.
    const start = Date.now();
    await Promise.all(
      people.map(async (person) => {
        const author = await whoAmI(base, workshopId, person.token);
        const room = await openRoom(base, board, person.token, timeoutMs);
        rooms.push(room);
        const notes = boardNotes(room.doc);
        room.doc.transact(() => {
          for (const p of plan.notes) {
            if (p.note.author !== person.fixtureId) continue;
            // Outline order follows the fixture: the order people wrote in.
            noteIds[p.index] = createNote(notes, { phase: p.note.phase, text: p.note.text, x: p.x, y: p.y, author, now: start + p.index });
          }
        });
      }),
    );

    const lead = await openRoom(base, board, facilitator.token, timeoutMs);
    rooms.push(lead);
    const notes = boardNotes(lead.doc);
    await waitUntil('every participant note to reach the facilitator', () => noteIds.every((id) => notes.has(id)), timeoutMs);
    const clusterIds: Record<string, string> = {};
    lead.doc.transact(() => {
      plan.clusters.forEach((c, i) => {
        clusterIds[c.slug] = createCluster(boardClusters(lead.doc), {
          phase: c.phase,
          title: clusterTitle(c.slug),
          x: c.x,
          y: c.y,
          now: start + i,
        });
      });
      fixture.notes.forEach((n, i) => updateNote(notes, noteIds[i]!, { clusterId: clusterIds[n.cluster]! }));
    });

    // A fresh connection proves the server holds it all, with the authors it stamped.
    const check = await openRoom(base, board, facilitator.token, timeoutMs);
    rooms.push(check);
    const stored = boardNotes(check.doc);
    await waitUntil(
      'the server to hold every note in its cluster',
      () => noteIds.every((id, i) => stored.get(id)?.get('clusterId') === clusterIds[fixture.notes[i]!.cluster]),
      timeoutMs,
    );
    return { baseUrl: base, workshopId, joinUrl: created.joinUrl, facilitator, people, noteIds, clusterIds };
  } finally {
    for (const r of rooms) r.close();
  }
}

/** What the web app keeps in localStorage for a person (apps/web api/credentials.ts). */
export function credentialEntry(seeded: SeededWorkshop, person: SeededPerson): { key: string; value: string } {
  return {
    key: `crossboard:workshop:${seeded.workshopId}`,
    value: JSON.stringify({
      token: person.token,
      personId: person.personId,
      role: person.role,
      name: person.name,
      organisation: person.organisation,
      timeZone: person.timeZone,
      language: person.language,
      ...(person.role === 'facilitator' ? { joinUrl: seeded.joinUrl } : {}),
    }),
  };
}

async function main() {
  const url = (process.argv[2] ?? process.env.CROSSBOARD_URL ?? DEFAULT_SERVER_URL).replace(/\/$/, '');
  const seeded = await seedFixture(url);
  const entry = credentialEntry(seeded, seeded.facilitator);
  const ws = `${url}/w/${encodeURIComponent(seeded.workshopId)}`;
  console.log(
    `Seeded "${loadFixture().workshop.title}": ${seeded.noteIds.length} notes by ${seeded.people.length} people, ${Object.keys(seeded.clusterIds).length} clusters.`,
  );
  console.log(`\nParticipant link:  ${url}${seeded.joinUrl}`);
  console.log(`Facilitator board: ${ws}`);
  console.log(`Facilitator console: ${ws}/console`);
  console.log('\nThe facilitator signs in by token; to be the facilitator in a browser, open the participant link,');
  console.log('then run this in its developer console and open the facilitator URL:');
  console.log(`  localStorage.setItem(${JSON.stringify(entry.key)}, ${JSON.stringify(entry.value)})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
