/**
 * Breakout groups: who goes with whom. Pure and seeded, so the facilitator's "shuffle again"
 * is a new seed and a test can name the outcome.
 *
 * Mixed: groups are made as varied as possible, organisation first (two colleagues in one
 * group is the pairing the cross-border workshops most wanted to avoid), then country, then
 * time zone. Themes: each group gets one of the most shared themes of interest and people
 * who chose it, mixed by organisation within that.
 */

export interface GroupPerson {
  id: string;
  organisation: string;
  country: string;
  timeZone: string;
  /** Themes of interest the person chose to share; empty when unknown. */
  themes?: readonly string[];
}

export type GroupingMode = 'mixed' | 'themes';

export interface AssignOptions {
  /** How many groups (wins over `size`). */
  groups?: number;
  /** People per group: as many groups as that needs, sizes still within one of each other. */
  size?: number;
  mode?: GroupingMode;
  seed?: number;
}

export interface Assignment {
  /** Person ids per group. Sizes differ by at most one. */
  members: string[][];
  /** The theme each group was formed around (themes mode), else null. */
  themes: (string | null)[];
}

/** Pairs sharing these cost this much: an organisation outweighs any number of countries. */
const SAME_ORGANISATION = 1000;
const SAME_COUNTRY = 30;
const SAME_TIME_ZONE = 10;
/** In themes mode, being in a group whose theme you did not choose. */
const OFF_THEME = 5000;
/** Local search stops after this many passes without needing to converge (it usually does in 2–4). */
const MAX_PASSES = 30;

/** mulberry32: small, fast, and the same sequence on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const norm = (s: string) => s.trim().toLocaleLowerCase();

/** How many groups a split makes: at least one, never more than there are people (unless none yet). */
export function groupCount(people: number, options: Pick<AssignOptions, 'groups' | 'size'>): number {
  if (options.groups !== undefined) return Math.max(1, people === 0 ? options.groups : Math.min(options.groups, people));
  const size = Math.max(1, options.size ?? 4);
  return Math.max(1, Math.ceil(people / size));
}

/** What placing `a` and `b` in one group costs: shared organisation, country, time zone. */
export function pairCost(a: GroupPerson, b: GroupPerson): number {
  let cost = 0;
  if (norm(a.organisation) && norm(a.organisation) === norm(b.organisation)) cost += SAME_ORGANISATION;
  if (norm(a.country) && norm(a.country) === norm(b.country)) cost += SAME_COUNTRY;
  if (a.timeZone && a.timeZone === b.timeZone) cost += SAME_TIME_ZONE;
  return cost;
}

function themeCost(person: GroupPerson, theme: string | null): number {
  return theme !== null && !(person.themes ?? []).includes(theme) ? OFF_THEME : 0;
}

/**
 * `count` themes that between them cover the most people: each next theme is the one chosen
 * by the most people no earlier theme covers (two themes the same people chose make one group,
 * not two), ties broken by the seed. Null where fewer themes exist.
 */
function groupThemes(people: readonly GroupPerson[], count: number, random: () => number): (string | null)[] {
  const names = shuffle([...new Set(people.flatMap((p) => p.themes ?? []))].sort(), random);
  const chosen: string[] = [];
  const covered = new Set<GroupPerson>();
  while (chosen.length < count && chosen.length < names.length) {
    let best: string | null = null;
    let bestKey: [number, number] = [-1, -1];
    for (const t of names) {
      if (chosen.includes(t)) continue;
      const having = people.filter((p) => (p.themes ?? []).includes(t));
      const key: [number, number] = [having.filter((p) => !covered.has(p)).length, having.length];
      if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) [best, bestKey] = [t, key];
    }
    chosen.push(best!);
    for (const p of people) if ((p.themes ?? []).includes(best!)) covered.add(p);
  }
  return Array.from({ length: count }, (_, i) => chosen[i] ?? null);
}

/** Splits people into groups as described above. Deterministic for the same people and seed. */
export function assignGroups(people: readonly GroupPerson[], options: AssignOptions = {}): Assignment {
  const random = seededRandom(options.seed ?? 1);
  const count = groupCount(people.length, options);
  // Sorted first so that the outcome depends on who, not on the order they were listed in.
  const pool = shuffle(
    [...people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    random,
  );
  const themes = options.mode === 'themes' ? groupThemes(pool, count, random) : Array<string | null>(count).fill(null);

  const base = Math.floor(pool.length / count);
  const larger = pool.length % count;
  const groups: GroupPerson[][] = Array.from({ length: count }, () => []);
  const fits = (g: number) => {
    const size = groups[g]!.length;
    if (size < base) return true;
    return size === base && groups.filter((x) => x.length > base).length < larger;
  };
  const costIn = (p: GroupPerson, g: number, without?: GroupPerson) =>
    themeCost(p, themes[g]!) + groups[g]!.reduce((sum, m) => (m === without ? sum : sum + pairCost(p, m)), 0);

  // The hardest to spread go first: people of large organisations, then of large countries.
  const orgSize = new Map<string, number>();
  const countrySize = new Map<string, number>();
  for (const p of pool) {
    orgSize.set(norm(p.organisation), (orgSize.get(norm(p.organisation)) ?? 0) + 1);
    countrySize.set(norm(p.country), (countrySize.get(norm(p.country)) ?? 0) + 1);
  }
  const order = pool
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        orgSize.get(norm(b.p.organisation))! - orgSize.get(norm(a.p.organisation))! ||
        countrySize.get(norm(b.p.country))! - countrySize.get(norm(a.p.country))! ||
        a.i - b.i,
    )
    .map((x) => x.p);
  for (const p of order) {
    let best = -1;
    let bestCost = Infinity;
    for (let g = 0; g < count; g++) {
      if (!fits(g)) continue;
      const cost = costIn(p, g) * 1000 + groups[g]!.length;
      if (cost < bestCost) [best, bestCost] = [g, cost];
    }
    groups[best]!.push(p);
  }

  // Swaps keep every size, so the greedy start's balance holds; each one taken lowers the total.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (let g = 0; g < count; g++) {
      for (let h = g + 1; h < count; h++) {
        for (let i = 0; i < groups[g]!.length; i++) {
          for (let j = 0; j < groups[h]!.length; j++) {
            const a = groups[g]![i]!;
            const b = groups[h]![j]!;
            const now = costIn(a, g, a) + costIn(b, h, b);
            // Each pair counted once: a leaves g and joins h without b (b is leaving it), and back.
            const swapped = costIn(a, h, b) + costIn(b, g, a);
            if (swapped < now) {
              groups[g]![i] = b;
              groups[h]![j] = a;
              improved = true;
            }
          }
        }
      }
    }
    if (!improved) break;
  }
  return { members: groups.map((g) => g.map((p) => p.id)), themes };
}

/**
 * Where a latecomer goes: the smallest group, and among equally small ones the group they
 * add least sameness to (then the first). Returns the group's index, or -1 when there is none.
 */
export function groupForLateJoiner(groups: readonly (readonly GroupPerson[])[], person: GroupPerson): number {
  let best = -1;
  let bestKey: [number, number] = [Infinity, Infinity];
  groups.forEach((members, g) => {
    const key: [number, number] = [members.length, members.reduce((sum, m) => sum + pairCost(person, m), 0)];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) [best, bestKey] = [g, key];
  });
  return best;
}

/** What a split achieved, per group: the numbers the facilitator (and the table) looks at. */
export function spreadOf(group: readonly GroupPerson[]) {
  const distinct = (f: (p: GroupPerson) => string) => new Set(group.map(f).filter((v) => v !== '')).size;
  return {
    size: group.length,
    organisations: distinct((p) => norm(p.organisation)),
    countries: distinct((p) => norm(p.country)),
    timeZones: distinct((p) => p.timeZone),
  };
}
