import type Database from 'better-sqlite3';
import type pg from 'pg';
import { readProfile, type DirectoryProfile } from '@crossboard/model';
import { promised } from './async-storage.ts';
import type { SqlConnection } from './backend.ts';

/** What the organiser set for a workshop's public registration page. */
export interface RegistrationForm {
  /** The public link's code (128 bits), stable while the form exists. */
  code: string;
  open: boolean;
  /** An instant; registrations after it are refused. */
  deadline: number | null;
  /** The organiser's free question, e.g. about experience with cross-border collaboration. */
  question: string;
}

export type RegistrationStatus = 'pending' | 'admitted' | 'declined';
export const isRegistrationStatus = (v: unknown): v is RegistrationStatus => v === 'pending' || v === 'admitted' || v === 'declined';

export interface RegistrationDetails {
  name: string;
  organisation: string;
  country: string;
  timeZone: string;
  /** For the organiser only; never shown in the directory. */
  email: string;
  /** Indexes into the workshop's sessions. */
  sessions: number[];
  themes: string[];
  answer: string;
  directory: DirectoryProfile;
}

export interface RegistrationRecord {
  id: string;
  workshopId: string;
  /** The registrant's personal link: whoever holds it joins as this registration. */
  secret: string;
  status: RegistrationStatus;
  /** Set on the first join through the personal link. */
  personId: string | null;
  details: RegistrationDetails;
  createdAt: number;
}

/** Directory profiles and registrations: tables of SQL migration 4, on both backends. */
export interface PeopleRecords {
  profile(workshopId: string, personId: string): DirectoryProfile | null;
  setProfile(workshopId: string, personId: string, profile: DirectoryProfile, at: number): void;
  /** Every stored profile of the workshop, by person id. */
  profiles(workshopId: string): { personId: string; profile: DirectoryProfile }[];
  form(workshopId: string): RegistrationForm | null;
  formByCode(code: string): { workshopId: string; form: RegistrationForm } | null;
  setForm(workshopId: string, form: RegistrationForm, at: number): void;
  addRegistration(r: RegistrationRecord): void;
  /** In the order they came. */
  registrations(workshopId: string): RegistrationRecord[];
  countRegistrations(workshopId: string): number;
  registrationBySecret(secret: string): RegistrationRecord | null;
  setStatus(workshopId: string, id: string, status: RegistrationStatus): boolean;
  /** False when the registration already has a person (two joins at once make one person). */
  linkPerson(id: string, personId: string): boolean;
}

type Promised<T> = { [K in keyof T]: T[K] extends (...a: infer A) => infer R ? (...a: A) => Promise<Awaited<R>> : never };
export type AsyncPeopleRecords = Promised<PeopleRecords>;

type FormRow = { workshop: string; code: string; data: string };
type RegRow = {
  id: string;
  workshop: string;
  secret: string;
  status: string;
  person: string | null;
  data: string;
  created_at: number | string;
};

function toForm(r: FormRow): RegistrationForm {
  const d = JSON.parse(r.data) as Partial<RegistrationForm>;
  return {
    code: r.code,
    open: d.open === true,
    deadline: typeof d.deadline === 'number' ? d.deadline : null,
    question: typeof d.question === 'string' ? d.question : '',
  };
}
const formData = (f: RegistrationForm) => JSON.stringify({ open: f.open, deadline: f.deadline, question: f.question });

function toRegistration(r: RegRow): RegistrationRecord {
  const d = JSON.parse(r.data) as Partial<RegistrationDetails>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    id: r.id,
    workshopId: r.workshop,
    secret: r.secret,
    status: isRegistrationStatus(r.status) ? r.status : 'pending',
    personId: r.person,
    createdAt: Number(r.created_at),
    details: {
      name: str(d.name),
      organisation: str(d.organisation),
      country: str(d.country),
      timeZone: str(d.timeZone) || 'UTC',
      email: str(d.email),
      sessions: Array.isArray(d.sessions) ? d.sessions.filter((n): n is number => Number.isInteger(n)) : [],
      themes: Array.isArray(d.themes) ? d.themes.filter((t): t is string => typeof t === 'string') : [],
      answer: str(d.answer),
      directory: readProfile(d.directory),
    },
  };
}
const regParams = (r: RegistrationRecord) =>
  [r.id, r.workshopId, r.secret, r.status, r.personId, JSON.stringify(r.details), r.createdAt] as const;
const REG_COLUMNS = 'id, workshop, secret, status, person, data, created_at';

export class SqlitePeopleRecords implements PeopleRecords {
  constructor(private readonly db: Database.Database) {}

  profile(workshopId: string, personId: string): DirectoryProfile | null {
    const r = this.db
      .prepare<[string, string], { data: string }>('SELECT data FROM directory_profiles WHERE workshop = ? AND person = ?')
      .get(workshopId, personId);
    return r ? readProfile(JSON.parse(r.data)) : null;
  }
  setProfile(workshopId: string, personId: string, profile: DirectoryProfile, at: number): void {
    this.db
      .prepare(
        'INSERT INTO directory_profiles (workshop, person, data, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (workshop, person) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
      )
      .run(workshopId, personId, JSON.stringify(profile), at);
  }
  profiles(workshopId: string) {
    return this.db
      .prepare<[string], { person: string; data: string }>('SELECT person, data FROM directory_profiles WHERE workshop = ?')
      .all(workshopId)
      .map((r) => ({ personId: r.person, profile: readProfile(JSON.parse(r.data)) }));
  }
  form(workshopId: string): RegistrationForm | null {
    const r = this.db.prepare<[string], FormRow>('SELECT workshop, code, data FROM registration_forms WHERE workshop = ?').get(workshopId);
    return r ? toForm(r) : null;
  }
  formByCode(code: string) {
    const r = this.db.prepare<[string], FormRow>('SELECT workshop, code, data FROM registration_forms WHERE code = ?').get(code);
    return r ? { workshopId: r.workshop, form: toForm(r) } : null;
  }
  setForm(workshopId: string, form: RegistrationForm, at: number): void {
    this.db
      .prepare(
        'INSERT INTO registration_forms (workshop, code, data, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (workshop) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
      )
      .run(workshopId, form.code, formData(form), at);
  }
  addRegistration(r: RegistrationRecord): void {
    this.db.prepare(`INSERT INTO registrations (${REG_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(...regParams(r));
  }
  registrations(workshopId: string): RegistrationRecord[] {
    return this.db
      .prepare<[string], RegRow>(`SELECT ${REG_COLUMNS} FROM registrations WHERE workshop = ? ORDER BY created_at, rowid`)
      .all(workshopId)
      .map(toRegistration);
  }
  countRegistrations(workshopId: string): number {
    return this.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM registrations WHERE workshop = ?').get(workshopId)!.n;
  }
  registrationBySecret(secret: string): RegistrationRecord | null {
    const r = this.db.prepare<[string], RegRow>(`SELECT ${REG_COLUMNS} FROM registrations WHERE secret = ?`).get(secret);
    return r ? toRegistration(r) : null;
  }
  setStatus(workshopId: string, id: string, status: RegistrationStatus): boolean {
    return this.db.prepare('UPDATE registrations SET status = ? WHERE workshop = ? AND id = ?').run(status, workshopId, id).changes > 0;
  }
  linkPerson(id: string, personId: string): boolean {
    return this.db.prepare('UPDATE registrations SET person = ? WHERE id = ? AND person IS NULL').run(personId, id).changes > 0;
  }
}

export class PostgresPeopleRecords implements AsyncPeopleRecords {
  constructor(private readonly pool: pg.Pool) {}

  async profile(workshopId: string, personId: string): Promise<DirectoryProfile | null> {
    const r = await this.pool.query<{ data: string }>('SELECT data FROM directory_profiles WHERE workshop = $1 AND person = $2', [
      workshopId,
      personId,
    ]);
    return r.rows[0] ? readProfile(JSON.parse(r.rows[0].data)) : null;
  }
  async setProfile(workshopId: string, personId: string, profile: DirectoryProfile, at: number): Promise<void> {
    await this.pool.query(
      'INSERT INTO directory_profiles (workshop, person, data, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (workshop, person) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
      [workshopId, personId, JSON.stringify(profile), at],
    );
  }
  async profiles(workshopId: string) {
    const r = await this.pool.query<{ person: string; data: string }>('SELECT person, data FROM directory_profiles WHERE workshop = $1', [
      workshopId,
    ]);
    return r.rows.map((x) => ({ personId: x.person, profile: readProfile(JSON.parse(x.data)) }));
  }
  async form(workshopId: string): Promise<RegistrationForm | null> {
    const r = await this.pool.query<FormRow>('SELECT workshop, code, data FROM registration_forms WHERE workshop = $1', [workshopId]);
    return r.rows[0] ? toForm(r.rows[0]) : null;
  }
  async formByCode(code: string) {
    const r = await this.pool.query<FormRow>('SELECT workshop, code, data FROM registration_forms WHERE code = $1', [code]);
    return r.rows[0] ? { workshopId: r.rows[0].workshop, form: toForm(r.rows[0]) } : null;
  }
  async setForm(workshopId: string, form: RegistrationForm, at: number): Promise<void> {
    await this.pool.query(
      'INSERT INTO registration_forms (workshop, code, data, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (workshop) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
      [workshopId, form.code, formData(form), at],
    );
  }
  async addRegistration(r: RegistrationRecord): Promise<void> {
    await this.pool.query(`INSERT INTO registrations (${REG_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [...regParams(r)]);
  }
  async registrations(workshopId: string): Promise<RegistrationRecord[]> {
    const r = await this.pool.query<RegRow>(`SELECT ${REG_COLUMNS} FROM registrations WHERE workshop = $1 ORDER BY created_at, id`, [
      workshopId,
    ]);
    return r.rows.map(toRegistration);
  }
  async countRegistrations(workshopId: string): Promise<number> {
    const r = await this.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM registrations WHERE workshop = $1', [workshopId]);
    return Number(r.rows[0]!.n);
  }
  async registrationBySecret(secret: string): Promise<RegistrationRecord | null> {
    const r = await this.pool.query<RegRow>(`SELECT ${REG_COLUMNS} FROM registrations WHERE secret = $1`, [secret]);
    return r.rows[0] ? toRegistration(r.rows[0]) : null;
  }
  async setStatus(workshopId: string, id: string, status: RegistrationStatus): Promise<boolean> {
    const r = await this.pool.query('UPDATE registrations SET status = $1 WHERE workshop = $2 AND id = $3', [status, workshopId, id]);
    return (r.rowCount ?? 0) > 0;
  }
  async linkPerson(id: string, personId: string): Promise<boolean> {
    const r = await this.pool.query('UPDATE registrations SET person = $1 WHERE id = $2 AND person IS NULL', [personId, id]);
    return (r.rowCount ?? 0) > 0;
  }
}

const cache = new WeakMap<object, AsyncPeopleRecords>();

/** The people records in the server's own database (the ServerContext's connection), made once per server. */
export function peopleRecords(ctx: { connection: SqlConnection }): AsyncPeopleRecords {
  let records = cache.get(ctx);
  if (!records) {
    const c = ctx.connection;
    records = c.kind === 'sqlite' ? promised<PeopleRecords>(new SqlitePeopleRecords(c.db)) : new PostgresPeopleRecords(c.pool);
    cache.set(ctx, records);
  }
  return records;
}
