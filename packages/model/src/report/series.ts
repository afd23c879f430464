import type { RecommendationPlan } from '../schema/report.ts';
import type { Phase } from '../phases.ts';
import type { Session } from '../schema/control.ts';
import type { ActionStepView } from '../schema/report.ts';
import type { Contributors } from './contributors.ts';
import { combineFeedback, type FeedbackResults } from './feedback.ts';
import { rankedRecommendations } from './ranking.ts';
import type { Credit, WorkshopSnapshot } from './snapshot.ts';

/** A recommendation of one workshop in a series: the pair is unique, either id alone is not. */
export interface RecommendationRef {
  workshopId: string;
  recommendationId: string;
}

/** The organiser said `merged` says the same as `kept`: one entry, both sources. */
export interface RecommendationMerge {
  kept: RecommendationRef;
  merged: RecommendationRef;
}

export interface SeriesInput {
  title: string;
  purpose: string;
  /** In the series' order (the order they were added). */
  workshops: readonly { id: string; snapshot: WorkshopSnapshot }[];
  merges: readonly RecommendationMerge[];
}

export interface SeriesWorkshopSummary {
  id: string;
  title: string;
  homeTimeZone: string;
  sessions: Session[];
  participants: number;
  countries: string[];
  /** Organisations of the people who chose to be credited (named or through it). */
  organisations: string[];
}

export interface SeriesSource extends RecommendationRef {
  workshopTitle: string;
  title: string;
}

export interface SeriesActionStep extends ActionStepView {
  workshopId: string;
  workshopTitle: string;
}

export interface SeriesRecommendation {
  title: string;
  description: string;
  /** The kept recommendation's plan for scaling, when it has one. */
  plan?: RecommendationPlan;
  /** Votes of every source together. */
  votes: number;
  /** The kept recommendation first, then those merged into it. */
  sources: SeriesSource[];
  actionSteps: SeriesActionStep[];
}

export interface SeriesNote {
  text: string;
  workshopTitle: string;
  /** Empty when the author chose not to be named, or the workshop ran anonymously. */
  name: string;
  organisation: string;
  votes: number;
}

/** Clusters of one phase with the same title (ignoring case and spacing), across workshops. */
export interface SeriesCluster {
  phase: Phase;
  /** Empty for the notes no cluster holds. */
  title: string;
  votes: number;
  workshops: string[];
  notes: SeriesNote[];
}

export interface Participation {
  /** Distinct participants across the series (the same name and organisation counts once). */
  people: number;
  /** Every person, credited or not: a count names nobody. */
  countries: { country: string; people: number }[];
  organisations: { organisation: string; people: number }[];
}

export interface SeriesReport {
  title: string;
  purpose: string;
  workshops: SeriesWorkshopSummary[];
  recommendations: SeriesRecommendation[];
  clusters: SeriesCluster[];
  contributors: Contributors;
  participation: Participation;
  /** Every workshop's survey results as one, when any of its workshops ran the survey. */
  feedback?: FeedbackResults;
}

/** Credits from most to least revealing: someone who asked for less in any workshop gets less everywhere. */
const CREDIT_ORDER: readonly Credit[] = ['named', 'organisation', 'none'];
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
export const refKey = (r: RecommendationRef) => `${r.workshopId}/${r.recommendationId}`;
const collator = new Intl.Collator('en', { sensitivity: 'base' });
export const NO_COUNTRY = 'Not given';

interface SeriesPerson {
  name: string;
  organisation: string;
  country: string;
  credit: Credit;
  /** Took part as a participant in some workshop (staff are credited, not counted as taking part). */
  participant: boolean;
}

/** One entry per person: the same name and organisation in two workshops is one contributor. */
function seriesPeople(workshops: SeriesInput['workshops']) {
  const people = new Map<string, SeriesPerson>();
  const keyOf = (p: { name: string; organisation: string }) => `${norm(p.name)}\u0000${norm(p.organisation)}`;
  for (const { snapshot } of workshops) {
    for (const p of snapshot.people) {
      const key = keyOf(p);
      const known = people.get(key);
      if (!known)
        people.set(key, {
          name: p.name.trim(),
          organisation: p.organisation.trim(),
          country: p.country.trim(),
          credit: p.credit,
          participant: p.role === 'participant',
        });
      else {
        known.participant ||= p.role === 'participant';
        if (CREDIT_ORDER.indexOf(p.credit) > CREDIT_ORDER.indexOf(known.credit)) known.credit = p.credit;
        if (!known.country) known.country = p.country.trim();
      }
    }
  }
  return { people, keyOf };
}

function countBy<T>(items: Iterable<T>, key: (x: T) => string | null): { key: string; n: number }[] {
  const counts = new Map<string, number>();
  for (const x of items) {
    const k = key(x);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => ({ key: k, n })).sort((a, b) => b.n - a.n || collator.compare(a.key, b.key));
}

/** Union-find over recommendation keys: a chain of merges ends at the recommendation kept. */
function mergeRoots(merges: readonly RecommendationMerge[], known: Set<string>): (key: string) => string {
  const parent = new Map<string, string>();
  const root = (k: string): string => {
    let r = k;
    for (let seen = 0; parent.has(r) && seen <= parent.size; seen++) r = parent.get(r)!;
    return r;
  };
  for (const m of merges) {
    const kept = root(refKey(m.kept));
    const merged = root(refKey(m.merged));
    // A merge naming a recommendation deleted since is ignored, not an error.
    if (kept !== merged && known.has(kept) && known.has(merged)) parent.set(merged, kept);
  }
  return root;
}

/**
 * The series report: every workshop's recommendations (merged ones as one entry with both
 * sources), pain points and visions grouped by cluster title across workshops, each
 * contributor once with the most private credit they chose anywhere, and participation.
 */
export function seriesReport(input: SeriesInput): SeriesReport {
  const { people, keyOf } = seriesPeople(input.workshops);

  const ranked = input.workshops.flatMap(({ id, snapshot }) =>
    rankedRecommendations(snapshot).map(({ recommendation, votes }) => ({
      workshopId: id,
      workshopTitle: snapshot.workshop.title,
      recommendation,
      votes,
    })),
  );
  const byKey = new Map(ranked.map((r) => [refKey({ workshopId: r.workshopId, recommendationId: r.recommendation.id }), r]));
  const root = mergeRoots(input.merges, new Set(byKey.keys()));
  const groups = new Map<string, typeof ranked>();
  for (const r of ranked) {
    const k = root(refKey({ workshopId: r.workshopId, recommendationId: r.recommendation.id }));
    const g = groups.get(k) ?? [];
    g.push(r);
    groups.set(k, g);
  }
  const recommendations = [...groups].map(([k, members]) => {
    const kept = byKey.get(k)!;
    const ordered = [kept, ...members.filter((m) => m !== kept)];
    return {
      title: kept.recommendation.title,
      description: kept.recommendation.description,
      ...(kept.recommendation.plan ? { plan: kept.recommendation.plan } : {}),
      votes: members.reduce((n, m) => n + m.votes, 0),
      sources: ordered.map((m) => ({
        workshopId: m.workshopId,
        recommendationId: m.recommendation.id,
        workshopTitle: m.workshopTitle,
        title: m.recommendation.title,
      })),
      actionSteps: ordered.flatMap((m) =>
        m.recommendation.actionSteps.map((s) => ({ ...s, workshopId: m.workshopId, workshopTitle: m.workshopTitle })),
      ),
    };
  });
  // Stable: ties keep workshop order, then each workshop's own ranking.
  recommendations.sort((a, b) => b.votes - a.votes);

  const clusters = new Map<string, SeriesCluster>();
  const counted = new Map<string, Set<string>>();
  for (const { id, snapshot } of input.workshops) {
    const attribution = (authorId: string | null) => {
      const p = snapshot.workshop.anonymous || authorId === null ? undefined : snapshot.people.find((x) => x.id === authorId);
      const credit = p ? people.get(keyOf(p))!.credit : 'none';
      if (!p || credit === 'none') return { name: '', organisation: '' };
      return { name: credit === 'named' ? p.name : '', organisation: p.organisation };
    };
    const clusterOf = new Map(snapshot.clusters.map((c) => [c.id, c]));
    for (const n of snapshot.notes) {
      if (n.phase === 'recommendations') continue;
      const c = n.clusterId === null ? undefined : clusterOf.get(n.clusterId);
      const title = c?.title.trim() ?? '';
      // An untitled cluster matches nothing in another workshop.
      const key = `${n.phase}\u0000${c ? (title ? norm(title) : `${id}/${c.id}`) : ''}`;
      let group = clusters.get(key);
      if (!group) {
        group = { phase: n.phase, title: c ? title || 'Untitled cluster' : '', votes: 0, workshops: [], notes: [] };
        clusters.set(key, group);
      }
      if (!group.workshops.includes(snapshot.workshop.title)) group.workshops.push(snapshot.workshop.title);
      const seen = counted.get(key) ?? new Set<string>();
      counted.set(key, seen);
      // A cluster's votes count once, however many of its notes the group holds.
      if (c && !seen.has(`${id}/${c.id}`)) {
        seen.add(`${id}/${c.id}`);
        group.votes += c.votes;
      }
      group.notes.push({ text: n.text, workshopTitle: snapshot.workshop.title, ...attribution(n.authorId), votes: n.votes });
    }
  }
  const clusterList = [...clusters.values()].sort(
    (a, b) =>
      (a.phase === b.phase ? 0 : a.phase === 'painPoints' ? -1 : 1) || Number(a.title === '') - Number(b.title === '') || b.votes - a.votes,
  );

  const everyone = [...people.values()];
  const participants = everyone.filter((p) => p.participant);
  const credited = everyone.filter((p) => p.credit !== 'none');
  const named = everyone
    .filter((p) => p.credit === 'named')
    .map((p) => ({ name: p.name, organisation: p.organisation }))
    .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.organisation, b.organisation));
  const organisations = countBy(credited, (p) => p.organisation || null).map(({ key, n }) => ({ organisation: key, people: n }));

  return {
    title: input.title,
    purpose: input.purpose,
    workshops: input.workshops.map(({ id, snapshot }) => ({
      id,
      title: snapshot.workshop.title,
      homeTimeZone: snapshot.workshop.homeTimeZone,
      sessions: snapshot.workshop.sessions.map((s) => ({ ...s })),
      participants: snapshot.people.filter((p) => p.role === 'participant').length,
      countries: [...new Set(snapshot.people.map((p) => p.country.trim()).filter(Boolean))].sort(collator.compare),
      organisations: [
        ...new Set(
          snapshot.people
            .filter((p) => people.get(keyOf(p))!.credit !== 'none')
            .map((p) => p.organisation.trim())
            .filter(Boolean),
        ),
      ].sort(collator.compare),
    })),
    recommendations,
    clusters: clusterList,
    contributors: {
      named,
      organisations: [...organisations].sort((a, b) => collator.compare(a.organisation, b.organisation)),
    },
    participation: {
      people: participants.length,
      countries: countBy(participants, (p) => p.country || NO_COUNTRY).map(({ key, n }) => ({ country: key, people: n })),
      organisations,
    },
    ...feedbackOf(input.workshops),
  };
}

function feedbackOf(workshops: SeriesInput['workshops']): { feedback?: FeedbackResults } {
  const ran = workshops.flatMap(({ snapshot }) => (snapshot.feedback ? [snapshot.feedback] : []));
  return ran.length ? { feedback: combineFeedback(ran) } : {};
}
