// Reads a suite's closing "N passed, N failed" line into the shape of vitest's JSON report.
import { readFileSync } from 'node:fs';

const lines = readFileSync(process.argv[2], 'utf8').trim().split('\n');
const match = /^(\d+) passed, (\d+) failed/.exec(lines.at(-1) ?? '');
if (!match) {
  console.error(`no "N passed, N failed" line at the end of ${process.argv[2]}`);
  process.exit(1);
}
const [, passed, failed] = match.map(Number);
console.log(
  JSON.stringify({
    numPassedTests: passed,
    numFailedTests: failed,
    numPendingTests: 0,
    numTodoTests: 0,
  }),
);
