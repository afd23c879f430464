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
});
