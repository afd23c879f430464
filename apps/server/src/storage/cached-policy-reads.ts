import type { FastifyBaseLogger } from 'fastify';
import type { AsyncStorage } from './async-storage.ts';
import type { AsyncFacilitationRecords, PolicyReads } from './records.ts';
import type { PersonRecord } from './storage.ts';

interface WorkshopCache {
  people: Map<string, PersonRecord>;
  authors: Map<string, string>;
  lastVersionAt: number | null;
  /** Author rows written here and not yet confirmed by the database. */
  writes: Promise<void>;
  refreshing: Promise<void> | null;
}

/**
 * The board's rules run inside a Yjs transaction and read synchronously; PostgreSQL answers
 * asynchronously. So each process keeps, per workshop with a loaded board, the people and
 * note authors the rules read: loaded before the board opens, people added as they connect,
 * authors written through (and in the database before the update that needs them is stored),
 * and re-read when another process's update arrives (it may carry notes authored there).
 */
export class CachedPolicyReads implements PolicyReads {
  private readonly workshops = new Map<string, WorkshopCache>();

  constructor(
    private readonly storage: AsyncStorage,
    private readonly records: AsyncFacilitationRecords,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Before the workshop's board is loaded. */
  async prepare(workshopId: string): Promise<void> {
    if (this.workshops.has(workshopId)) return this.refresh(workshopId);
    const [people, authors, lastVersionAt] = await Promise.all([
      this.storage.listPeople(workshopId),
      this.records.noteAuthors(workshopId),
      this.records.lastVersionAt(workshopId),
    ]);
    if (this.workshops.has(workshopId)) return;
    this.workshops.set(workshopId, {
      people: new Map(people.map((p) => [p.id, p])),
      authors,
      lastVersionAt,
      writes: Promise.resolve(),
      refreshing: null,
    });
  }

  /** Another process's update arrived: read the authors it may have recorded. */
  refresh(workshopId: string): Promise<void> {
    const cache = this.workshops.get(workshopId);
    if (!cache) return Promise.resolve();
    cache.refreshing ??= (async () => {
      try {
        await cache.writes;
        const authors = await this.records.noteAuthors(workshopId);
        for (const [note, person] of authors) cache.authors.set(note, person);
      } finally {
        cache.refreshing = null;
      }
    })();
    return cache.refreshing;
  }

  /** Resolves when every author row recorded so far is in the database. */
  flush(workshopId: string): Promise<void> {
    return this.workshops.get(workshopId)?.writes ?? Promise.resolve();
  }

  /** A person who connected here (they may have joined through another process). */
  seen(person: PersonRecord): void {
    this.workshops.get(person.workshopId)?.people.set(person.id, person);
  }

  forget(workshopId: string): void {
    this.workshops.delete(workshopId);
  }

  person(workshopId: string, personId: string): PersonRecord | null {
    return this.workshops.get(workshopId)?.people.get(personId) ?? null;
  }

  noteAuthor(workshopId: string, noteId: string): string | null {
    return this.workshops.get(workshopId)?.authors.get(noteId) ?? null;
  }

  noteAuthors(workshopId: string): Map<string, string> {
    return new Map(this.workshops.get(workshopId)?.authors);
  }

  setNoteAuthor(workshopId: string, noteId: string, personId: string, phase: string): void {
    const cache = this.workshops.get(workshopId);
    if (!cache) throw new Error(`workshop ${workshopId}: board rules ran before the board was prepared`);
    cache.authors.set(noteId, personId);
    // Chained, so `flush` covers every row recorded so far; a failure is logged, and this
    // process still knows the author (the note itself is stored either way).
    cache.writes = cache.writes.then(() =>
      this.records.setNoteAuthor(workshopId, noteId, personId, phase).catch((e: unknown) => {
        this.log.error({ workshopId, noteId, err: e }, 'recording a note author failed');
      }),
    );
  }

  lastVersionAt(workshopId: string): number | null {
    return this.workshops.get(workshopId)?.lastVersionAt ?? null;
  }
}
