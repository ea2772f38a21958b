// Reads vitest's JSON report and prints the one line CI reads: "N passed, N failed".
import { readFileSync } from 'node:fs';

try {
  const r = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const failedSuites = (r.testResults ?? []).filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests + failedSuites} failed`);
} catch {
  console.log('0 passed, 1 failed');
}
