import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ballotsFromRows,
  castVote,
  parseVotingConfig,
  rankByVotes,
  remainingVotes,
  tally,
  withdrawVote,
  votesOf,
  type Ballots,
  type VoteErrorCode,
  type VotingConfig,
} from '../src/voting.ts';
import { publishTallies, readTallies, readVoting, writeVoting } from '../src/schema/control-voting.ts';
import { MAX_VOTES_PER_PERSON } from '../src/limits.ts';
import { ID_PATTERN, isSafeId } from '../src/ids.ts';

const open: VotingConfig = { phase: 'painPoints', target: 'notes', votesPerPerson: 3, status: 'open' };
const items = ['a', 'b', 'c'];

/**
 * A script in a small notation: `ann+a` means ann casts a dot on a, `ann-a` takes one back.
 * After each step: the error code expected (or `ok`).
 */
function play(config: VotingConfig, script: string): { ballots: Ballots; outcomes: (VoteErrorCode | 'ok')[] } {
  let ballots: Ballots = new Map();
  const outcomes: (VoteErrorCode | 'ok')[] = [];
  for (const step of script.split(/\s+/).filter(Boolean)) {
    const [, person, op, item] = /^(\w+)([+-])(\w+)$/.exec(step)!;
    const r = op === '+' ? castVote(ballots, person!, item!, config, items) : withdrawVote(ballots, person!, item!, config);
    if (r.ok) ballots = r.ballots;
    outcomes.push(r.ok ? 'ok' : r.error.code);
  }
  return { ballots, outcomes };
}

describe('dot voting rules', () => {
  const table: [string, VotingConfig, string, string, Record<string, number>][] = [
    ['spending all dots', open, 'ann+a ann+b ann+a', 'ok ok ok', { a: 2, b: 1 }],
    ['one dot too many', open, 'ann+a ann+a ann+a ann+b', 'ok ok ok NO_VOTES_LEFT', { a: 3 }],
    ['withdrawing frees a dot', open, 'ann+a ann+a ann+a ann-a ann+b', 'ok ok ok ok ok', { a: 2, b: 1 }],
    ['others have their own dots', open, 'ann+a ann+a ann+a bob+a', 'ok ok ok ok', { a: 4 }],
    ['per-item limit at and past it', { ...open, maxPerItem: 2 }, 'ann+a ann+a ann+a ann+b', 'ok ok ITEM_LIMIT ok', { a: 2, b: 1 }],
    ['unknown item', open, 'ann+zzz ann+a', 'UNKNOWN_ITEM ok', { a: 1 }],
    ['withdraw without a vote', open, 'ann-a bob+a ann-a', 'NO_VOTE_TO_WITHDRAW ok NO_VOTE_TO_WITHDRAW', { a: 1 }],
    ['closed voting accepts nothing', { ...open, status: 'closed' }, 'ann+a ann-a', 'VOTING_CLOSED VOTING_CLOSED', {}],
    ['a closed round checks status before the item', { ...open, status: 'closed' }, 'ann+zzz', 'VOTING_CLOSED', {}],
  ];
  it.each(table)('%s', (_name, config, script, expected, tallies) => {
    const { ballots, outcomes } = play(config, script);
    expect(outcomes.join(' ')).toBe(expected);
    expect(tally(ballots)).toEqual(tallies);
  });

  it('counts remaining votes per person and never below zero', () => {
    const { ballots } = play(open, 'ann+a ann+b bob+c');
    expect(remainingVotes(ballots, 'ann', open)).toBe(1);
    expect(remainingVotes(ballots, 'bob', open)).toBe(2);
    expect(remainingVotes(ballots, 'cat', open)).toBe(3);
    expect(remainingVotes(ballots, 'ann', { ...open, votesPerPerson: 1 })).toBe(0);
  });

  it('does not change the ballots it was given', () => {
    const before: Ballots = ballotsFromRows([{ person: 'ann', item: 'a', count: 1 }]);
    const r = castVote(before, 'ann', 'a', open, items);
    expect(r.ok && r.ballots).toEqual(new Map([['ann', new Map([['a', 2]])]]));
    expect(before).toEqual(new Map([['ann', new Map([['a', 1]])]]));
  });

  it('gives a message a participant can act on', () => {
    const r = castVote(ballotsFromRows([{ person: 'ann', item: 'a', count: 3 }]), 'ann', 'b', open, items);
    expect(r).toEqual({ ok: false, error: { code: 'NO_VOTES_LEFT', message: expect.stringMatching(/all 3 of your votes/) } });
  });

  it('a person id that is an Object.prototype key is just a person', () => {
    const { ballots, outcomes } = play(open, 'constructor+a toString+a');
    expect(outcomes).toEqual(['ok', 'ok']);
    expect(tally(ballots)).toEqual({ a: 2 });
  });

  it('ids named __proto__ stay data: no object in the process changes', () => {
    const ballots = ballotsFromRows([
      { person: '__proto__', item: 'pwned', count: 1 },
      { person: 'ann', item: '__proto__', count: 2 },
    ]);
    const tallies = tally(ballots);
    expect(({} as Record<string, unknown>).pwned).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(votesOf(ballots, '__proto__').get('pwned')).toBe(1);
    expect(Object.entries(tallies)).toEqual([
      ['pwned', 1],
      ['__proto__', 2],
    ]);
    expect(remainingVotes(ballots, '__proto__', open)).toBe(2);
  });
});

describe('ids from users', () => {
  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'])('%s is refused', (id) => {
    expect(isSafeId(id)).toBe(false);
    expect(new RegExp(ID_PATTERN, 'u').test(id)).toBe(false);
  });
  it.each(['n1', 'c0ffee-12_ab', '550e8400-e29b-41d4-a716-446655440000', 'x'.repeat(64), 'proto', '__proto'])('%s is an id', (id) => {
    expect(isSafeId(id)).toBe(true);
    expect(new RegExp(ID_PATTERN, 'u').test(id)).toBe(true);
  });
  it.each(['', 'x'.repeat(65), 'a b', 'a/b', 'é', 'a.b', 42, null])('%j is not an id', (id) => {
    expect(isSafeId(id)).toBe(false);
    if (typeof id === 'string') expect(new RegExp(ID_PATTERN, 'u').test(id)).toBe(false);
  });
});

describe('rankByVotes', () => {
  const notes = [{ id: 'n1' }, { id: 'n2' }, { id: 'n3' }, { id: 'n4' }, { id: 'n5' }];
  it.each([
    [{ n3: 4, n1: 2, n5: 2 }, 'n3:4:1 n1:2:2 n5:2:2 n2:0:4 n4:0:4'],
    [{}, 'n1:0:1 n2:0:1 n3:0:1 n4:0:1 n5:0:1'],
    [{ n5: 1, n4: 1, n3: 1, n2: 1, n1: 1 }, 'n1:1:1 n2:1:1 n3:1:1 n4:1:1 n5:1:1'],
    [{ ghost: 9, n2: 1 }, 'n2:1:1 n1:0:2 n3:0:2 n4:0:2 n5:0:2'],
  ])('%j ranks as %s (id:votes:rank), ties in board order', (tallies, expected) => {
    expect(
      rankByVotes(notes, tallies)
        .map((r) => `${r.item.id}:${r.votes}:${r.rank}`)
        .join(' '),
    ).toBe(expected);
  });
});

describe('voting config', () => {
  it.each([
    [{ ...open, votesPerPerson: MAX_VOTES_PER_PERSON }, true],
    [{ ...open, votesPerPerson: MAX_VOTES_PER_PERSON + 1 }, false],
    [{ ...open, votesPerPerson: 0 }, false],
    [{ ...open, votesPerPerson: 2.5 }, false],
    [{ ...open, maxPerItem: 1 }, true],
    [{ ...open, maxPerItem: 0 }, false],
    [{ ...open, target: 'people' }, false],
    [{ ...open, phase: 'lunch' }, false],
    [{ ...open, status: 'paused' }, false],
  ])('%j valid: %s', (value, valid) => {
    expect(parseVotingConfig(value) !== null).toBe(valid);
  });

  it('lives in the control document with published tallies', () => {
    const doc = new Y.Doc();
    expect(readVoting(doc)).toBeNull();
    writeVoting(doc, { ...open, maxPerItem: 2 });
    publishTallies(doc, { a: 3 });
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    expect(readVoting(replica)).toEqual({ ...open, maxPerItem: 2 });
    expect(readTallies(replica)).toEqual({ a: 3 });
    writeVoting(doc, null);
    expect(readVoting(doc)).toBeNull();
  });
});
