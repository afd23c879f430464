import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { longSubjects, MAX_SUBJECT_LENGTH } from '../commit-subjects.mjs';

const script = join(new URL('.', import.meta.url).pathname, '../commit-subjects.mjs');

/** A scratch repository: an old long subject before the rule, then one at the limit and one past it. */
let repo = '';
let base = '';
const git = (...args: string[]) => {
  const r = spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
};
const commit = (subject: string) => git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--allow-empty', '-q', '-m', subject);
const atLimit = 'A'.repeat(MAX_SUBJECT_LENGTH);
const pastLimit = 'B'.repeat(MAX_SUBJECT_LENGTH + 1);

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'subjects-'));
  git('init', '-q');
  commit(`Old ${'x'.repeat(100)}`);
  base = git('rev-parse', 'HEAD');
  commit(atLimit);
});

describe('the commit subject check', () => {
  it('passes subjects of at most 72 characters and ignores history before the rule', () => {
    expect(longSubjects(repo, base)).toEqual([]);
    const r = spawnSync(process.execPath, [script, '--repo', repo, '--since', base], { encoding: 'utf8' });
    expect(r.status).toBe(0);
  });

  it('fails on a subject one character past the limit and names it', () => {
    commit(pastLimit);
    expect(longSubjects(repo, base)?.map((c) => c.subject)).toEqual([pastLimit]);
    const r = spawnSync(process.execPath, [script, '--repo', repo, '--since', base], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`subject is ${MAX_SUBJECT_LENGTH + 1} characters`);
  });

  it('lets through a commit listed as allowed, and only that one', () => {
    const long = longSubjects(repo, base);
    expect(long).toHaveLength(1);
    expect(longSubjects(repo, base, [long![0]!.commit])).toEqual([]);
    expect(longSubjects(repo, base, ['0000000'])).toHaveLength(1);
  });

  it('says it checked nothing when the starting commit is not in the history', () => {
    expect(longSubjects(repo, 'f'.repeat(40))).toBeNull();
    const r = spawnSync(process.execPath, [script, '--repo', repo, '--since', 'f'.repeat(40)], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('nothing checked');
  });
});
