import { describe, expect, it } from 'vitest';
import { groupsEn, groupsEs, groupsFr } from '../src/i18n/groups-messages.ts';

function leaves(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v as object, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort();

describe.each([
  ['es', groupsEs],
  ['fr', groupsFr],
])('breakout groups in %s', (_lang, messages) => {
  const ref = leaves(groupsEn);
  const mine = leaves(messages);
  it('has every English string, with the same placeholders, translated', () => {
    expect([...mine.keys()].sort()).toEqual([...ref.keys()].sort());
    for (const [k, v] of ref) {
      expect(placeholders(mine.get(k)!), k).toEqual(placeholders(v));
      expect(mine.get(k), k).not.toBe(v);
    }
  });
});
