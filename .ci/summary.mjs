// Reads vitest's JSON report and prints the one line CI reads: "N passed, N failed". The optional second
// argument counts checks that ran outside vitest (the type checks) and failed; those that passed count too.
import { readFileSync } from 'node:fs';

const OTHER_CHECKS = 2;
const otherFailed = Number(process.argv[3] ?? 0);
try {
  const r = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const failedSuites = (r.testResults ?? []).filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  console.log(`${r.numPassedTests + OTHER_CHECKS - otherFailed} passed, ${r.numFailedTests + failedSuites + otherFailed} failed`);
} catch {
  console.log(`${OTHER_CHECKS - otherFailed} passed, ${1 + otherFailed} failed`);
}
