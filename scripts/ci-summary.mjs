// Prints "N passed, N failed" from vitest's JSON report. A non-zero exit with no failed test
// (lint, typecheck or a crash before tests ran) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
if (existsSync('artifacts/vitest.json')) {
  const report = JSON.parse(readFileSync('artifacts/vitest.json', 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
