import { describe, expect, it } from 'vitest';
import { groupsEn, groupsEs, groupsFr } from '../src/i18n/groups-messages.ts';
import { expectSameKeysAndPlaceholders } from './i18n-leaves.ts';

describe.each([
  ['es', groupsEs],
  ['fr', groupsFr],
])('breakout groups in %s', (_lang, messages) => {
  it('has every English string, with the same placeholders, translated', () => {
    const { ref, mine } = expectSameKeysAndPlaceholders(groupsEn, messages);
    for (const [k, v] of ref) expect(mine.get(k), k).not.toBe(v);
  });
});
