import type { WorkshopSnapshot } from './snapshot.ts';

export interface Contributors {
  /** "Name (Organisation)" of everyone who chose to be named, by name. */
  named: { name: string; organisation: string }[];
  /** Every organisation credited (by named people or those credited through it), with head counts. */
  organisations: { organisation: string; people: number }[];
}

/**
 * The report's credits. Each person's own choice rules: named, through their organisation
 * only, or not at all. Anonymous mode hides who wrote which note, not who took part: the
 * credits are the participants' choice.
 */
export function contributors(snapshot: WorkshopSnapshot): Contributors {
  const named: Contributors['named'] = [];
  const orgCounts = new Map<string, number>();
  for (const p of snapshot.people) {
    if (p.credit === 'none') continue;
    if (p.credit === 'named') named.push({ name: p.name, organisation: p.organisation });
    const org = p.organisation.trim();
    if (org) orgCounts.set(org, (orgCounts.get(org) ?? 0) + 1);
  }
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  return {
    named: named.sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.organisation, b.organisation)),
    organisations: [...orgCounts]
      .map(([organisation, people]) => ({ organisation, people }))
      .sort((a, b) => collator.compare(a.organisation, b.organisation)),
  };
}

/** How a note's author is shown next to it: respects anonymous mode and the author's credit choice. */
export function noteAttribution(snapshot: WorkshopSnapshot, authorId: string | null): { name: string; organisation: string } {
  const p = snapshot.workshop.anonymous || authorId === null ? undefined : snapshot.people.find((x) => x.id === authorId);
  if (!p || p.credit === 'none') return { name: '', organisation: '' };
  return { name: p.credit === 'named' ? p.name : '', organisation: p.organisation };
}
