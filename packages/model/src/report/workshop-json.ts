import { isNoteColour } from '../colours.ts';
import { MAX_NOTE_TEXT_LENGTH, MAX_NOTE_THEME_LENGTH, MAX_TITLE_LENGTH, MAX_VOTES_PER_PERSON } from '../limits.ts';
import { isSafeId } from '../ids.ts';
import { isRole } from '../permissions.ts';
import { isPhase } from '../phases.ts';
import {
  HORIZONS,
  isIsoDate,
  MAX_PLAN_FIELD_LENGTH,
  PLAN_TEXT_FIELDS,
  SANDBOX_NEEDS,
  STEP_STATUSES,
  type RecommendationPlan,
} from '../schema/report.ts';
import { CREDITS, roundsFromItemVotes, roundVotes, type SnapshotVotingRound, type WorkshopSnapshot } from './snapshot.ts';
import { migrateWorkshopJson } from './workshop-json-migrations.ts';
import { MAX_AGENDA_ITEMS, readAgenda, type AgendaItem } from '../agenda/agenda.ts';
import { MAX_SESSION_AGENDAS } from '../agenda/session-agendas.ts';
import { textBlocks } from './snapshot-to-docs.ts';

export const WORKSHOP_JSON_FORMAT = 'crossboard-workshop';
/** 2: voting rounds kept with their results; notes carry their theme (see workshop-json-migrations.ts). */
export const WORKSHOP_JSON_VERSION = 2;
/** Voting rounds an import may hold, and their results in all. */
export const MAX_IMPORT_ROUNDS = 500;
export const MAX_IMPORT_ROUND_RESULTS = 40_000;
/** Notes an import may hold; a file past it is refused rather than half-loaded. */
export const MAX_IMPORT_NOTES = 20_000;
/**
 * Blocks an import may create in all (see textBlocks: each cluster, note, recommendation and
 * action step, plus each line past an entry's first). Each is several Yjs structures of a few
 * KB while the rooms are built: 2,000 empty lines per note made a 1.2 MB file cost 1.7 GB.
 */
export const MAX_IMPORT_BLOCKS = 30_000;

const iso = (t: number) => new Date(t).toISOString();
const isoOrNull = (t: number | null) => (t === null ? null : iso(t));

/**
 * The workshop as versioned JSON. Keys are written in a fixed order and instants as ISO
 * strings, so export(import(file)) reproduces the file byte for byte.
 */
export function exportWorkshopJson(s: WorkshopSnapshot): string {
  const doc = {
    format: WORKSHOP_JSON_FORMAT,
    version: WORKSHOP_JSON_VERSION,
    workshop: {
      title: s.workshop.title,
      purpose: s.workshop.purpose,
      themes: s.workshop.themes,
      homeTimeZone: s.workshop.homeTimeZone,
      sessions: s.workshop.sessions.map((x) => ({ label: x.label, start: iso(x.start), end: iso(x.end) })),
      // Optional in version 2: written only when set, so files without them are unchanged.
      ...(s.workshop.agenda ? { agenda: s.workshop.agenda } : {}),
      ...(s.workshop.sessionAgendas
        ? { sessionAgendas: s.workshop.sessionAgendas.map((a) => ({ session: iso(a.session), items: a.items })) }
        : {}),
      anonymous: s.workshop.anonymous,
    },
    people: s.people.map((p) => ({
      id: p.id,
      name: p.name,
      organisation: p.organisation,
      country: p.country,
      role: p.role,
      credit: p.credit,
    })),
    clusters: s.clusters.map((c) => ({ id: c.id, phase: c.phase, title: c.title, votes: c.votes })),
    notes: s.notes.map((n) => ({
      id: n.id,
      phase: n.phase,
      text: n.text,
      // Anonymous means anonymous in every export, including this one.
      authorId: s.workshop.anonymous ? null : n.authorId,
      clusterId: n.clusterId,
      theme: n.theme,
      colour: n.colour,
      createdAt: iso(n.createdAt),
      votes: n.votes,
    })),
    votingRounds: s.votingRounds.map((r) => ({
      id: r.id,
      phase: r.phase,
      target: r.target,
      votesPerPerson: r.votesPerPerson,
      maxPerItem: r.maxPerItem,
      status: r.status,
      openedAt: isoOrNull(r.openedAt),
      closedAt: isoOrNull(r.closedAt),
      results: r.results.map((x) => ({ itemId: x.itemId, votes: x.votes })),
    })),
    recommendations: s.recommendations.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      order: r.order,
      sourceClusterId: r.sourceClusterId,
      painPointLinks: r.painPointLinks,
      visionLinks: r.visionLinks,
      // Optional in version 2: written only when set, so files without them are unchanged.
      ...(r.plan ? { plan: r.plan } : {}),
      actionSteps: r.actionSteps.map((a) => ({
        id: a.id,
        text: a.text,
        owner: a.owner,
        horizon: a.horizon,
        status: a.status,
        ...(a.due ? { due: a.due } : {}),
      })),
    })),
    // Written only when a survey ran. Results, not answers: an import leaves it out, since a
    // copy of a workshop has not been surveyed.
    ...(s.feedback ? { feedback: s.feedback } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export class WorkshopImportError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'WorkshopImportError';
  }
}

type Obj = Record<string, unknown>;
function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new WorkshopImportError(path, 'expected an object');
  return v as Obj;
}
function arr(v: unknown, path: string, max = Number.POSITIVE_INFINITY): unknown[] {
  if (!Array.isArray(v)) throw new WorkshopImportError(path, 'expected an array');
  if (v.length > max) throw new WorkshopImportError(path, `more than ${max} entries`);
  return v;
}
function text(v: unknown, path: string, max = MAX_NOTE_TEXT_LENGTH): string {
  if (typeof v !== 'string') throw new WorkshopImportError(path, 'expected a string');
  if (v.length > max) throw new WorkshopImportError(path, `longer than ${max} characters`);
  return v;
}
/** A run of show, every item well-formed: an import never silently drops one. */
function agendaItems(v: unknown, path: string): AgendaItem[] {
  const items = arr(v, path, MAX_AGENDA_ITEMS);
  const read = readAgenda(items);
  if (read.length !== items.length)
    throw new WorkshopImportError(path, 'expected agenda items: a kind, 1–600 minutes, a phase for phase work');
  return read;
}
function nullableText(v: unknown, path: string): string | null {
  return v === null ? null : text(v, path);
}
/** Ids become keys of documents and rooms: one shape everywhere (see ids.ts). */
function id(v: unknown, path: string): string {
  if (!isSafeId(v))
    throw new WorkshopImportError(path, 'expected an id: letters, digits, - and _ only (1–64), not a name such as __proto__');
  return v;
}
function nullableId(v: unknown, path: string): string | null {
  return v === null ? null : id(v, path);
}
/** Two entries with one id would become one: refused, with the second's path. */
function unique<T extends { id: string }>(list: T[], path: string): T[] {
  const seen = new Set<string>();
  list.forEach((x, i) => {
    if (seen.has(x.id)) throw new WorkshopImportError(`${path}[${i}].id`, `"${x.id}" appears twice`);
    seen.add(x.id);
  });
  return list;
}
function count(v: unknown, path: string): number {
  if (!Number.isSafeInteger(v) || (v as number) < 0) throw new WorkshopImportError(path, 'expected a whole number ≥ 0');
  return v as number;
}
function nullableInstant(v: unknown, path: string): number | null {
  return v === null ? null : instant(v, path);
}
function nullableDots(v: unknown, path: string): number | null {
  if (v === null) return null;
  if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > MAX_VOTES_PER_PERSON)
    throw new WorkshopImportError(path, `expected null or a whole number from 1 to ${MAX_VOTES_PER_PERSON}`);
  return v as number;
}
function instant(v: unknown, path: string): number {
  const t = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(v) ? Date.parse(v) : Number.NaN;
  if (!Number.isFinite(t)) throw new WorkshopImportError(path, 'expected an ISO instant like 2021-06-03T13:30:00.000Z');
  return t;
}
function oneOf<T extends string>(list: readonly T[], v: unknown, path: string): T {
  if (typeof v !== 'string' || !(list as readonly string[]).includes(v))
    throw new WorkshopImportError(path, `expected one of ${list.join(', ')}`);
  return v as T;
}
function check<T>(ok: (v: unknown) => v is T, v: unknown, path: string, what: string): T {
  if (!ok(v)) throw new WorkshopImportError(path, `expected ${what}`);
  return v;
}

/** Refuses a snapshot past MAX_IMPORT_BLOCKS, naming the entry that passes it. */
function withinBlocks(s: WorkshopSnapshot): WorkshopSnapshot {
  let blocks = 0;
  const spend = (n: number, path: string) => {
    blocks += n;
    if (blocks > MAX_IMPORT_BLOCKS) {
      throw new WorkshopImportError(
        path,
        `the file holds more than ${MAX_IMPORT_BLOCKS} clusters, notes, recommendations, action steps and lines of text in all`,
      );
    }
  };
  for (let i = 0; i < s.clusters.length; i++) spend(1, `$.clusters[${i}]`);
  for (const [i, n] of s.notes.entries()) spend(textBlocks(n.text), `$.notes[${i}]`);
  for (const [i, r] of s.recommendations.entries()) spend(textBlocks(r.description) + r.actionSteps.length, `$.recommendations[${i}]`);
  return s;
}

/** Reads a workshop JSON export (string or parsed), checking every field; throws WorkshopImportError. */
export function importWorkshop(json: string | unknown): WorkshopSnapshot {
  return withinBlocks(readWorkshop(json));
}

function readWorkshop(json: string | unknown): WorkshopSnapshot {
  let root: unknown = json;
  if (typeof json === 'string') {
    try {
      root = JSON.parse(json);
    } catch {
      throw new WorkshopImportError('$', 'not valid JSON');
    }
  }
  const given = obj(root, '$');
  if (given.format !== WORKSHOP_JSON_FORMAT) throw new WorkshopImportError('$.format', `expected "${WORKSHOP_JSON_FORMAT}"`);
  if (!Number.isInteger(given.version) || (given.version as number) < 1 || (given.version as number) > WORKSHOP_JSON_VERSION) {
    throw new WorkshopImportError(
      '$.version',
      `version ${String(given.version)} is not supported (this app reads 1 to ${WORKSHOP_JSON_VERSION})`,
    );
  }
  const r = migrateWorkshopJson(given, WORKSHOP_JSON_VERSION);
  const w = obj(r.workshop, '$.workshop');
  const snapshot: WorkshopSnapshot = {
    workshop: {
      title: text(w.title, '$.workshop.title', MAX_TITLE_LENGTH),
      purpose: text(w.purpose, '$.workshop.purpose'),
      themes: arr(w.themes, '$.workshop.themes', 100).map((t, i) => text(t, `$.workshop.themes[${i}]`, MAX_TITLE_LENGTH)),
      homeTimeZone: text(w.homeTimeZone, '$.workshop.homeTimeZone', 100),
      sessions: arr(w.sessions, '$.workshop.sessions', 100).map((x, i) => {
        const s = obj(x, `$.workshop.sessions[${i}]`);
        const p = `$.workshop.sessions[${i}]`;
        return {
          label: text(s.label, `${p}.label`, MAX_TITLE_LENGTH),
          start: instant(s.start, `${p}.start`),
          end: instant(s.end, `${p}.end`),
        };
      }),
      ...(w.agenda !== undefined ? { agenda: agendaItems(w.agenda, '$.workshop.agenda') } : {}),
      ...(w.sessionAgendas !== undefined
        ? {
            sessionAgendas: arr(w.sessionAgendas, '$.workshop.sessionAgendas', MAX_SESSION_AGENDAS).map((x, i) => {
              const a = obj(x, `$.workshop.sessionAgendas[${i}]`);
              const p = `$.workshop.sessionAgendas[${i}]`;
              return { session: instant(a.session, `${p}.session`), items: agendaItems(a.items, `${p}.items`) };
            }),
          }
        : {}),
      anonymous: check((v): v is boolean => typeof v === 'boolean', w.anonymous, '$.workshop.anonymous', 'true or false'),
    },
    people: unique(
      arr(r.people, '$.people', MAX_IMPORT_NOTES).map((x, i) => {
        const p = obj(x, `$.people[${i}]`);
        const at = `$.people[${i}]`;
        return {
          id: id(p.id, `${at}.id`),
          name: text(p.name, `${at}.name`, MAX_TITLE_LENGTH),
          organisation: text(p.organisation, `${at}.organisation`, MAX_TITLE_LENGTH),
          country: text(p.country, `${at}.country`, 100),
          role: check(isRole, p.role, `${at}.role`, 'facilitator, organiser or participant'),
          credit: oneOf(CREDITS, p.credit, `${at}.credit`),
        };
      }),
      '$.people',
    ),
    clusters: unique(
      arr(r.clusters, '$.clusters', MAX_IMPORT_NOTES).map((x, i) => {
        const c = obj(x, `$.clusters[${i}]`);
        const at = `$.clusters[${i}]`;
        return {
          id: id(c.id, `${at}.id`),
          phase: check(isPhase, c.phase, `${at}.phase`, 'a phase'),
          title: text(c.title, `${at}.title`, MAX_TITLE_LENGTH),
          votes: count(c.votes, `${at}.votes`),
        };
      }),
      '$.clusters',
    ),
    notes: unique(
      arr(r.notes, '$.notes', MAX_IMPORT_NOTES).map((x, i) => {
        const n = obj(x, `$.notes[${i}]`);
        const at = `$.notes[${i}]`;
        return {
          id: id(n.id, `${at}.id`),
          phase: check(isPhase, n.phase, `${at}.phase`, 'a phase'),
          text: text(n.text, `${at}.text`),
          authorId: nullableId(n.authorId, `${at}.authorId`),
          clusterId: nullableId(n.clusterId, `${at}.clusterId`),
          // Optional: a file written by another tool may leave it out.
          theme: n.theme === null || n.theme === undefined ? null : text(n.theme, `${at}.theme`, MAX_NOTE_THEME_LENGTH),
          colour: check(isNoteColour, n.colour, `${at}.colour`, 'a note colour'),
          createdAt: instant(n.createdAt, `${at}.createdAt`),
          votes: count(n.votes, `${at}.votes`),
        };
      }),
      '$.notes',
    ),
    votingRounds: [],
    recommendations: unique(
      arr(r.recommendations, '$.recommendations', MAX_IMPORT_NOTES).map((x, i) => {
        const rec = obj(x, `$.recommendations[${i}]`);
        const at = `$.recommendations[${i}]`;
        const ids = (v: unknown, p: string) => arr(v, p, MAX_IMPORT_NOTES).map((x, k) => id(x, `${p}[${k}]`));
        return {
          id: id(rec.id, `${at}.id`),
          title: text(rec.title, `${at}.title`, MAX_TITLE_LENGTH),
          description: text(rec.description, `${at}.description`, MAX_NOTE_TEXT_LENGTH * 10),
          order: check((v): v is number => typeof v === 'number' && Number.isFinite(v), rec.order, `${at}.order`, 'a number'),
          sourceClusterId: nullableId(rec.sourceClusterId, `${at}.sourceClusterId`),
          painPointLinks: ids(rec.painPointLinks, `${at}.painPointLinks`),
          visionLinks: ids(rec.visionLinks, `${at}.visionLinks`),
          ...(rec.plan === undefined ? {} : { plan: readPlanJson(rec.plan, `${at}.plan`) }),
          actionSteps: arr(rec.actionSteps, `${at}.actionSteps`, 1000).map((y, k) => {
            const s = obj(y, `${at}.actionSteps[${k}]`);
            const sp = `${at}.actionSteps[${k}]`;
            return {
              id: id(s.id, `${sp}.id`),
              text: text(s.text, `${sp}.text`),
              owner: text(s.owner, `${sp}.owner`, MAX_TITLE_LENGTH),
              horizon: oneOf(HORIZONS, s.horizon, `${sp}.horizon`),
              status: oneOf(STEP_STATUSES, s.status, `${sp}.status`),
              ...(s.due === undefined || s.due === null ? {} : { due: check(isIsoDate, s.due, `${sp}.due`, 'a date like 2025-07-07') }),
            };
          }),
        };
      }),
      '$.recommendations',
    ),
  };
  // The rounds are the record; an item's votes in the file are derived from them. A file
  // without rounds (written by another tool) is read as version 1 was: votes on the items.
  snapshot.votingRounds =
    r.votingRounds === undefined
      ? roundsFromItemVotes([
          ...snapshot.clusters.map((c) => ({ ...c, target: 'clusters' as const })),
          ...snapshot.notes.map((n) => ({ ...n, target: 'notes' as const })),
        ])
      : readRounds(r.votingRounds);
  const votes = roundVotes(snapshot.votingRounds);
  for (const item of [...snapshot.notes, ...snapshot.clusters]) item.votes = votes.get(item.id) ?? 0;
  return snapshot;
}

/** A recommendation's plan: every field optional, as in the report room. */
function readPlanJson(v: unknown, path: string): RecommendationPlan {
  const p = obj(v, path);
  const plan: RecommendationPlan = {};
  for (const k of PLAN_TEXT_FIELDS) if (p[k] !== undefined) plan[k] = text(p[k], `${path}.${k}`, MAX_PLAN_FIELD_LENGTH);
  if (p.sandbox !== undefined) plan.sandbox = oneOf(SANDBOX_NEEDS, p.sandbox, `${path}.sandbox`);
  return plan;
}

function readRounds(v: unknown): SnapshotVotingRound[] {
  let results = 0;
  return unique(
    arr(v, '$.votingRounds', MAX_IMPORT_ROUNDS).map((x, i) => {
      const at = `$.votingRounds[${i}]`;
      const r = obj(x, at);
      return {
        id: id(r.id, `${at}.id`),
        phase: check(isPhase, r.phase, `${at}.phase`, 'a phase'),
        target: oneOf(['notes', 'clusters'] as const, r.target, `${at}.target`),
        votesPerPerson: nullableDots(r.votesPerPerson, `${at}.votesPerPerson`),
        maxPerItem: nullableDots(r.maxPerItem, `${at}.maxPerItem`),
        status: oneOf(['open', 'closed'] as const, r.status, `${at}.status`),
        openedAt: nullableInstant(r.openedAt, `${at}.openedAt`),
        closedAt: nullableInstant(r.closedAt, `${at}.closedAt`),
        results: arr(r.results, `${at}.results`, MAX_IMPORT_NOTES).map((y, k) => {
          const p = `${at}.results[${k}]`;
          if (++results > MAX_IMPORT_ROUND_RESULTS)
            throw new WorkshopImportError(p, `more than ${MAX_IMPORT_ROUND_RESULTS} results in all rounds`);
          const res = obj(y, p);
          return { itemId: id(res.itemId, `${p}.itemId`), votes: count(res.votes, `${p}.votes`) };
        }),
      };
    }),
    '$.votingRounds',
  );
}
