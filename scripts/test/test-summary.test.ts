import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Each scratch project under fixtures/ goes wrong in one way that Vitest's own totals hide; the
 * summary CI reads must fail on each, with a line saying what happened.
 */
const here = new URL('.', import.meta.url).pathname;
const vitest = join(here, '../../node_modules/vitest/vitest.mjs');
const summary = join(here, '../test-summary.mjs');

function runFixture(name: string, extra: string[] = []) {
  const cwd = join(here, 'fixtures', name);
  const out = mkdtempSync(join(tmpdir(), `summary-${name}-`));
  const report = join(out, 'report.json');
  const log = join(out, 'vitest.log');
  const run = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', FORCE_COLOR: '1' },
  });
  writeFileSync(log, `${run.stdout}\n${run.stderr}`);
  const result = spawnSync(
    process.execPath,
    [summary, '--report', report, '--log', log, '--exit', String(run.status), '--root', cwd, ...extra],
    {
      encoding: 'utf8',
    },
  );
  const lines = result.stdout.trim().split('\n');
  return { vitestExit: run.status, exit: result.status, lines, last: lines.at(-1) };
}

describe('the CI summary line', () => {
  it('passes a green project and says how many passed', () => {
    const r = runFixture('green');
    expect(r.vitestExit).toBe(0);
    expect(r.exit).toBe(0);
    expect(r.lines).toEqual(['3 passed, 0 failed']);
  });

  it('fails on an expect in a timer and an unhandled rejection, which no test reports', () => {
    const r = runFixture('timer-failure');
    expect(r.vitestExit).not.toBe(0);
    expect(r.exit).toBe(1);
    expect(r.lines).toContain('UNHANDLED 2 error(s) outside any test (see "Unhandled Errors" in the log)');
    expect(r.last).toBe('4 passed, 2 failed');
  });

  it('fails when a test kills its worker and the rest of its file never runs', () => {
    const r = runFixture('crashed-worker');
    expect(r.exit).toBe(1);
    expect(r.lines.some((l) => /^NOT RUN [1-5] collected test/.test(l))).toBe(true);
    expect(r.last).toMatch(/^\d passed, [1-9]\d* failed$/);
  });

  it('counts skip, todo and skipIf as failures unless a skip is listed as allowed', () => {
    const r = runFixture('skipped');
    expect(r.vitestExit).toBe(0);
    expect(r.exit).toBe(1);
    expect(r.lines).toEqual([
      'SKIPPED skipped.fixture.mjs > is skipped',
      'TODO skipped.fixture.mjs > is still to write',
      'SKIPPED skipped.fixture.mjs > is skipped by a condition',
      '1 passed, 3 failed',
    ]);
    const allowed = join(mkdtempSync(join(tmpdir(), 'allowed-')), 'allowed.json');
    writeFileSync(allowed, JSON.stringify(['skipped.fixture.mjs > is skipped', 'skipped.fixture.mjs > is skipped by a condition']));
    const withAllowed = runFixture('skipped', ['--allowed-skips', allowed]);
    expect(withAllowed.lines).toEqual(['TODO skipped.fixture.mjs > is still to write', '1 passed, 1 failed']);
  });

  it('fails when fewer tests are collected than the committed floor (a project dropped out)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'floor-'));
    writeFileSync(join(dir, 'floor.json'), JSON.stringify({ minTests: 4 }));
    const r = runFixture('green', ['--floor', join(dir, 'floor.json')]);
    expect(r.exit).toBe(1);
    expect(r.lines).toEqual([`TOO FEW TESTS 3 collected, the floor in ${join(dir, 'floor.json')} is 4`, '3 passed, 1 failed']);
  });

  it('fails when a workspace project has no file in the report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'workspace-'));
    writeFileSync(join(dir, 'vitest.workspace.ts'), "export const projects = [\n  'green',\n  'gone',\n];\n");
    const cwd = join(here, 'fixtures');
    const r = runFixture('green', ['--workspace', join(dir, 'vitest.workspace.ts'), '--root', cwd]);
    expect(r.lines).toEqual(['MISSING PROJECT gone: no test file of it is in the report', '3 passed, 1 failed']);
  });

  it('sums a further run (the suites on another Node version) and names it in each line', () => {
    const crashed = runFixture('crashed-worker');
    const dir = join(here, 'fixtures', 'skipped');
    const out = mkdtempSync(join(tmpdir(), 'extra-run-'));
    const run = spawnSync(process.execPath, [vitest, 'run', '--reporter=json', `--outputFile.json=${join(out, 'r.json')}`], {
      cwd: dir,
      encoding: 'utf8',
    });
    writeFileSync(join(out, 'r.log'), run.stdout + run.stderr);
    const r = spawnSync(
      process.execPath,
      [
        summary,
        '--report',
        join(out, 'r.json'),
        '--root',
        dir,
        '--allowed-skips',
        '/nonexistent',
        '--run',
        `node 22,${join(out, 'r.json')},${join(out, 'r.log')},3`,
      ],
      { encoding: 'utf8' },
    );
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('[node 22] SKIPPED skipped.fixture.mjs > is skipped');
    expect(lines.at(-1)).toBe('2 passed, 6 failed');
    expect(crashed.exit).toBe(1);
  });

  it('fails when a check outside Vitest failed, and when the report is missing', () => {
    expect(runFixture('green', ['--check', 'typecheck=0', '--check', 'lint=1']).lines).toEqual([
      'CHECK FAILED lint (exit 1)',
      '3 passed, 1 failed',
    ]);
    const missing = spawnSync(process.execPath, [summary, '--report', '/nonexistent/report.json'], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });
});
