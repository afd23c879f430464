// The one line CI trusts: "N passed, N failed", counted so that nothing that went wrong can hide.
//
// Counted as failed, each with a line saying what happened:
// - failed tests, and files that failed without a failing test (did not load, a hook threw);
// - tests that were collected but never ran (a crashed worker leaves them without a result);
// - skipped and todo tests, unless listed in the allowed-skips file (none are today);
// - errors Vitest caught outside any test (an `expect` in a timer, an unhandled rejection), read
//   from its console output, since its JSON report does not carry them;
// - Vitest exiting non-zero with nothing else to show for it;
// - fewer collected tests than the committed floor, or a workspace project with no test file in
//   the report (a project that silently dropped out);
// - checks outside Vitest (typecheck, lint, import cycles) that failed, one each.
//
// Usage: node scripts/test-summary.mjs --report .vitest-results.json [--log out.log]
//   [--exit <vitest exit code>] [--floor scripts/test-floor.json] [--workspace vitest.workspace.ts]
//   [--allowed-skips scripts/allowed-skips.json] [--check name=exitcode ...]
//   [--run label,report.json,out.log,exitcode ...]   (further runs, e.g. the suites on Node 22)
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

function parseArgs(argv) {
  const args = { checks: [], runs: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined) throw new Error(`bad argument ${flag}`);
    i += 1;
    if (flag === '--check') args.checks.push(value);
    else if (flag === '--run') args.runs.push(value);
    else args[flag.slice(2)] = value;
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const problems = [];
let passed = 0;
let failed = 0;
const fail = (count, line) => {
  failed += count;
  problems.push(line);
};

function readJson(file, what) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    fail(1, `${what} could not be read from ${file}: ${err.message}`);
    return null;
  }
}

const root = resolve(args.root ?? '.');
const allowedSkips = new Set(
  args['allowed-skips'] && existsSync(args['allowed-skips']) ? (readJson(args['allowed-skips'], 'the allowed skips') ?? []) : [],
);

/** One Vitest run: its JSON report, its console output and its exit code. */
function countRun({ label, reportFile, logFile, exit, whole }) {
  const tag = label ? `[${label}] ` : '';
  const failedBefore = failed;
  const report = readJson(reportFile, `${tag}the Vitest JSON report`);
  if (report) {
    passed += report.numPassedTests ?? 0;
    const files = report.testResults ?? [];
    let notRun = 0;
    const skipped = [];
    for (const file of files) {
      const name = relative(root, file.name);
      const tests = file.assertionResults ?? [];
      const failedTests = tests.filter((t) => t.status === 'failed');
      for (const t of failedTests) fail(1, `${tag}FAILED ${name} > ${t.fullName ?? t.title}`);
      if (file.status === 'failed' && failedTests.length === 0) {
        fail(1, `${tag}FAILED FILE ${name}: ${(file.message || 'failed without a failing test').split('\n')[0]}`);
      }
      for (const t of tests) {
        if (t.status === 'passed' || t.status === 'failed') continue;
        const id = `${name} > ${t.fullName ?? t.title}`;
        if (t.status === 'todo') skipped.push(`${tag}TODO ${id}`);
        else if (file.status === 'failed') notRun += 1;
        else if (!allowedSkips.has(id)) skipped.push(`${tag}SKIPPED ${id}`);
      }
    }
    if (notRun > 0) fail(notRun, `${tag}NOT RUN ${notRun} collected test(s) never ran (their file failed or its worker died)`);
    for (const line of skipped) fail(1, line);

    if (whole && args.floor) {
      const floor = readJson(args.floor, 'the collected-test floor');
      const total = report.numTotalTests ?? 0;
      if (floor && total < floor.minTests) {
        fail(1, `TOO FEW TESTS ${total} collected, the floor in ${args.floor} is ${floor.minTests}`);
      }
    }
    if (whole && args.workspace) {
      const projects = [...readFileSync(args.workspace, 'utf8').matchAll(/^\s*'([^']+)',?\s*$/gm)].map((m) => m[1]);
      const names = files.map((f) => relative(root, f.name));
      for (const project of projects) {
        // A project's own files, not those of a project nested inside it (apps/web vs apps/web/e2e).
        const nested = projects.filter((p) => p !== project && p.startsWith(`${project}/`));
        const own = names.filter((n) => n.startsWith(`${project}/`) && !nested.some((p) => n.startsWith(`${p}/`)));
        if (own.length === 0) fail(1, `MISSING PROJECT ${project}: no test file of it is in the report`);
      }
    }
  }
  if (logFile) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '') : '';
    const caught = /Vitest caught (\d+) unhandled errors?/.exec(log);
    if (caught) fail(Number(caught[1]), `${tag}UNHANDLED ${caught[1]} error(s) outside any test (see "Unhandled Errors" in the log)`);
  }
  if (Number(exit ?? 0) !== 0 && failed === failedBefore) fail(1, `${tag}VITEST EXITED ${exit} with no failure in its report`);
}

countRun({ reportFile: args.report ?? '.vitest-results.json', logFile: args.log, exit: args.exit, whole: true });
for (const run of args.runs) {
  const [label, reportFile, logFile, exit] = run.split(',');
  countRun({ label, reportFile, logFile, exit, whole: false });
}

for (const check of args.checks) {
  const [name, code] = check.split('=');
  if (Number(code) !== 0) fail(1, `CHECK FAILED ${name} (exit ${code})`);
}

if (passed + failed === 0) fail(1, 'NO TESTS ran at all');
for (const line of problems) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
