// Sums Vitest's JSON report into the one line CI reads: "N passed, N failed".
// A run that executed no test, or whose report is missing, counts as a failure.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest-results.json';
// Checks outside Vitest (the typecheck) that failed, counted as failed tests.
const extraFailures = Number(process.argv[3] ?? 0) || 0;
let passed = 0;
let failed = extraFailures;
try {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed = report.numPassedTests ?? 0;
  // A file that failed without a failing test (it did not load, or a hook threw) counts once;
  // numFailedTestSuites would also count every describe block around a failed test.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  failed += (report.numFailedTests ?? 0) + brokenFiles;
  if (!report.success && failed === 0) failed = 1;
} catch (err) {
  console.error(`no test report at ${file}: ${err.message}`);
  failed += 1;
}
if (passed + failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
