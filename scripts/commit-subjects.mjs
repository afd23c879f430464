#!/usr/bin/env node
// Commit subjects stay short (CONTRIBUTING.md: at most 72 characters, imperative). History before
// the rule was adopted is left as it is; every commit after `since` is checked.
// Commits in scripts/commit-subjects-allowed (one hash prefix per line, `#` for the reason) were
// written before the check reached every engineer; history is not rewritten for them.
// Usage: node scripts/commit-subjects.mjs [--since <commit>] [--allowed <file>] [--repo <dir>]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const MAX_SUBJECT_LENGTH = 72;

/** The subjects of `since..HEAD` that are too long, or null when `since` is not in this history (a shallow clone). */
export function longSubjects(repo, since, allowed = []) {
  const git = (...args) => spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
  if (git('cat-file', '-e', `${since}^{commit}`).status !== 0) return null;
  const log = git('log', '--format=%h%x09%s', `${since}..HEAD`);
  if (log.status !== 0) throw new Error(log.stderr.trim());
  return log.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      return { commit: line.slice(0, tab), subject: line.slice(tab + 1) };
    })
    .filter(({ subject }) => [...subject].length > MAX_SUBJECT_LENGTH)
    .filter(({ commit }) => !allowed.some((prefix) => commit.startsWith(prefix) || prefix.startsWith(commit)));
}

function main(argv) {
  const arg = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const repo = arg('--repo') ?? process.cwd();
  const since = arg('--since') ?? readFileSync(new URL('./commit-subjects-since', import.meta.url), 'utf8').trim();
  const allowedFile = arg('--allowed') ?? new URL('./commit-subjects-allowed', import.meta.url);
  const allowed = readFileSync(allowedFile, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
  const long = longSubjects(repo, since, allowed);
  if (long === null) {
    console.log(`commit subjects: ${since} is not in this history (shallow clone?); nothing checked`);
    return 0;
  }
  for (const { commit, subject } of long) {
    console.log(`commit ${commit}: subject is ${[...subject].length} characters (max ${MAX_SUBJECT_LENGTH}): ${subject}`);
  }
  if (long.length > 0) return 1;
  console.log(`commit subjects: every subject since ${since} is at most ${MAX_SUBJECT_LENGTH} characters`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.argv.slice(2)));
