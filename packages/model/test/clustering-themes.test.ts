import { describe, expect, it } from 'vitest';
import { suggestThemes } from '../src/clustering/index.ts';

const THEMES = ['Mobility', 'Data sharing and interoperable systems', 'Sustainability'];

describe('suggestThemes', () => {
  it.each([
    ['a note naming the theme', 'Cross-border mobility passes for commuters', 'Mobility'],
    ['a note in the words of tagged notes', 'Timetables of regional trains never match', 'Mobility'],
    ['a note on interoperable data', 'Interoperable systems for sharing data between agencies', 'Data sharing and interoperable systems'],
    ['a note with no clear theme', 'We need more coffee breaks', null],
  ])('%s: %j → %s', (_, text, theme) => {
    const notes = [
      { id: 'tagged', text: 'Regional trains stop at the border', theme: 'Mobility' },
      { id: 'n', text, theme: null },
    ];
    const [s] = suggestThemes(notes, THEMES);
    expect(s?.theme ?? null).toBe(theme);
  });

  it('leaves tagged notes alone and suggests nothing without themes', () => {
    const notes = [{ id: 'a', text: 'Mobility for all', theme: 'Sustainability' }];
    expect(suggestThemes(notes, THEMES)).toEqual([]);
    expect(suggestThemes([{ id: 'a', text: 'Mobility', theme: null }], [])).toEqual([]);
  });

  it('does not offer a theme for the words the whole workshop is about', () => {
    const themes = ['Responding to cross-border threats and risks', 'Mobility'];
    const notes = [{ id: 'n', text: 'Joining a cross-border initiative is the cool thing to do', theme: null }];
    // Without the workshop's subject, "cross-border" alone would pick the first theme.
    expect(suggestThemes(notes, themes).map((s) => s.theme)).toEqual(['Responding to cross-border threats and risks']);
    expect(suggestThemes(notes, themes, { subject: 'Innovation through cross-border collaboration' })).toEqual([]);
    // A note with words of its own still gets its theme.
    const flood = [...notes, { id: 'f', text: 'Flood risks and threats along the river are nobody’s job', theme: null }];
    expect(suggestThemes(flood, themes, { subject: 'Innovation through cross-border collaboration' }).map((s) => s.noteId)).toEqual(['f']);
  });

  it('does not count a word much of the board uses as evidence for one theme', () => {
    const themes = ['Digital public services', 'Mobility'];
    const notes = [
      ...['Buses for the elderly', 'Train tickets', 'Bike lanes', 'Ferry timetables', 'Car sharing'].map((text, i) => ({
        id: `m${i}`,
        text: `${text} in the region`,
        theme: 'Mobility',
      })),
      { id: 'n', text: 'Public consultation in the region', theme: null },
      { id: 'd', text: 'Digital public forms nobody can fill in', theme: null },
    ];
    // "region" is in six of seven notes: it says nothing about Mobility.
    expect(suggestThemes(notes, themes).map((s) => [s.noteId, s.theme])).toEqual([['d', 'Digital public services']]);
  });
});
