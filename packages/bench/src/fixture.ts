import { readFileSync } from 'node:fs';
import type { Phase } from '@crossboard/model';

export interface FixtureParticipant {
  id: string;
  name: string;
  organisation: string;
  country: string;
  timeZone: string;
  language: 'en' | 'es' | 'fr';
  role: 'facilitator' | 'participant';
}

export interface FixtureNote {
  phase: Phase;
  /** A participant's fixture id (`p1`…). */
  author: string;
  /** The facilitator's grouping: a slug, unique across phases. */
  cluster: string;
  text: string;
}

export interface Fixture {
  workshop: {
    title: string;
    purpose: string;
    homeTimeZone: string;
    sessions: { label: string; start: string; end: string }[];
    themes: string[];
    phaseMinutes: Record<Phase, number>;
    votesPerParticipant: number;
  };
  participants: FixtureParticipant[];
  notes: FixtureNote[];
}

// The model package's test fixture is the one realistic workshop we have.
export const FIXTURE_PATH = new URL('../../model/test/fixtures/cross-border-workshop.json', import.meta.url).pathname;

export function loadFixture(path = FIXTURE_PATH): Fixture {
  return JSON.parse(readFileSync(path, 'utf8')) as Fixture;
}

/** Cluster slugs as a facilitator would title the frames on the board. */
const CLUSTER_TITLES: Record<string, string> = {
  culture: 'Risk-averse administrative cultures',
  learning: 'No learning from past pilots',
  money: 'Funding and budgets',
  ecosystem: 'Missing ecosystem for small players',
  law: 'Legal and regulatory barriers',
  scaling: 'Pilots that never scale',
  'open-science': 'Open, published experiments',
  platforms: 'Shared platforms and data',
  networks: 'Networks of peers across borders',
  speed: 'Faster, lighter procedures',
  'learning-loops': 'Build learning loops',
  budget: 'Ring-fenced budgets for joint pilots',
  mechanisms: 'Standing mechanisms for cooperation',
  people: 'People, skills and mandates',
};

export function clusterTitle(slug: string): string {
  const known = CLUSTER_TITLES[slug];
  if (known) return known;
  const words = slug.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
