import {
  boardClusters,
  boardNotes,
  createCluster,
  createNote,
  MAX_NOTES_PER_PERSON_PER_PHASE,
  roomName,
  updateNote,
  type Author,
} from '@crossboard/model';
import type { Fixture } from '../fixture.ts';
import { openRoom, waitUntil, type RoomClient } from '../room-client.ts';
import { pick, seededRandom } from '../seeded-random.ts';
import { syntheticNotes } from '../synthetic-notes.ts';
import { createWorkshop, joinWorkshop } from '../workshop-api.ts';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { RECORD_NOTE_PAINTS } from './page-probes.ts';

/** Grid pitch of a large board: a note's width and height plus room to breathe, jittered. */
const PITCH_X = 250;
const PITCH_Y = 210;
const JITTER = 24;
/** Cluster frames around blocks of this many columns × rows of notes, once the facilitator has clustered. */
const BLOCK_COLUMNS = 5;
const BLOCK_ROWS = 4;

/** A short title taken from one of the notes, as facilitators often name a group by its first note. */
function blockTitle(texts: readonly { text: string }[], n: number): string {
  return texts[(n * 37) % texts.length]!.text.split(' ').slice(0, 4).join(' ');
}

export interface BulkBoard {
  workshopId: string;
  joinUrl: string;
  facilitatorToken: string;
  /** A participant the browser signs in as. */
  viewer: { personId: string; token: string; name: string };
  /** Board positions of every note, by id (the bench works out what the viewport should show). */
  positions: Map<string, { x: number; y: number }>;
  clusters: number;
}

export interface BulkOptions {
  count: number;
  clustered: boolean;
  fixture: Fixture;
  seed?: number;
}

/**
 * A large pain-points board: `count` realistic notes (fixture notes sampled and reworded)
 * written by as many participants as the per-person limit needs, each through their own
 * socket, laid out on a wide jittered grid. Clustered boards get a frame per block of notes.
 */
export async function seedBulkBoard(baseUrl: string, { count, clustered, fixture, seed = 7 }: BulkOptions): Promise<BulkBoard> {
  const random = seededRandom(seed);
  const created = await createWorkshop(baseUrl, {
    title: `Board bench: ${count.toLocaleString('en')} notes`,
    purpose: fixture.workshop.purpose,
    themes: fixture.workshop.themes,
    homeTimeZone: fixture.workshop.homeTimeZone,
    facilitatorName: 'Bench Facilitator',
  });
  const writers = Math.ceil(count / MAX_NOTES_PER_PERSON_PER_PHASE);
  const people: { personId: string; token: string; name: string }[] = [];
  for (let i = 0; i < writers + 1; i++) {
    const like = fixture.participants[i % fixture.participants.length]!;
    const name = `Delegate ${i + 1}`;
    const joined = await joinWorkshop(baseUrl, created.id, { ...like, name });
    people.push({ personId: joined.participantId, token: joined.token, name });
  }
  // The last one writes nothing: the viewer's own count must not change what others wrote.
  const viewer = people.pop()!;

  const texts = syntheticNotes(
    fixture.notes.map((n, i) => ({ id: `f${i}`, text: n.text, cluster: n.cluster })),
    count,
    seed,
  );
  const columns = Math.ceil(Math.sqrt(count * 2));
  // Decided up front: the writers run concurrently, and the layout must not depend on who is first.
  const spots = texts.map((_, i) => ({
    x: (i % columns) * PITCH_X + Math.round((random() - 0.5) * JITTER),
    y: Math.floor(i / columns) * PITCH_Y + Math.round((random() - 0.5) * JITTER),
    colour: pick(random, ['yellow', 'yellow', 'yellow', 'green', 'blue', 'pink'] as const),
  }));
  const positions = new Map<string, { x: number; y: number }>();
  const blockOf = new Map<string, string>();
  const room = roomName({ kind: 'board', workshopId: created.id });
  const rooms: RoomClient[] = [];
  try {
    const start = Date.now();
    await Promise.all(
      people.map(async (person, w) => {
        const client = await openRoom(baseUrl, room, person.token);
        rooms.push(client);
        const author: Author = {
          id: person.personId,
          name: person.name,
          organisation: fixture.participants[w % fixture.participants.length]!.organisation,
        };
        const notes = boardNotes(client.doc);
        client.doc.transact(() => {
          for (let i = w; i < count; i += writers) {
            const { x, y, colour } = spots[i]!;
            const id = createNote(notes, { phase: 'painPoints', text: texts[i]!.text, x, y, colour, author, now: start + i });
            positions.set(id, { x, y });
            blockOf.set(id, `${Math.floor((i % columns) / BLOCK_COLUMNS)}:${Math.floor(Math.floor(i / columns) / BLOCK_ROWS)}`);
          }
        });
      }),
    );

    const lead = await openRoom(baseUrl, room, created.facilitatorToken);
    rooms.push(lead);
    const notes = boardNotes(lead.doc);
    await waitUntil(`${count} notes on the server`, () => notes.size === count, 120_000);
    const blocks = new Map<string, string>();
    if (clustered) {
      // Several transactions: one update per message stays far below the server's message limit.
      const ids = [...blockOf.keys()];
      for (let from = 0; from < ids.length; from += 500) {
        lead.doc.transact(() => {
          for (const id of ids.slice(from, from + 500)) {
            const block = blockOf.get(id)!;
            let clusterId = blocks.get(block);
            if (!clusterId) {
              const p = positions.get(id)!;
              clusterId = createCluster(boardClusters(lead.doc), {
                phase: 'painPoints',
                title: blockTitle(texts, blocks.size),
                x: p.x,
                y: p.y,
              });
              blocks.set(block, clusterId);
            }
            updateNote(notes, id, { clusterId });
          }
        });
      }
    }
    const check = await openRoom(baseUrl, room, viewer.token);
    rooms.push(check);
    const stored = boardNotes(check.doc);
    await waitUntil(
      'the viewer to receive the whole board',
      () =>
        stored.size === count &&
        (!clustered || boardClusters(check.doc).size === blocks.size) &&
        (!clustered || [...stored.values()].every((n) => n.get('clusterId'))),
      120_000,
    );
    return {
      workshopId: created.id,
      joinUrl: created.joinUrl,
      facilitatorToken: created.facilitatorToken,
      viewer,
      positions,
      clusters: blocks.size,
    };
  } finally {
    for (const r of rooms) r.close();
  }
}

/**
 * A fresh browser context signed in as the board's viewer (their credential where the web app
 * keeps it), recording when notes paint: every board bench opens the board this way.
 */
export async function viewerContext(browser: Browser, board: BulkBoard, options: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  const credential = JSON.stringify({
    token: board.viewer.token,
    personId: board.viewer.personId,
    role: 'participant',
    name: board.viewer.name,
  });
  await context.addInitScript(
    `localStorage.setItem(${JSON.stringify(`crossboard:workshop:${board.workshopId}`)}, ${JSON.stringify(credential)});`,
  );
  await context.addInitScript(RECORD_NOTE_PAINTS);
  return context;
}
