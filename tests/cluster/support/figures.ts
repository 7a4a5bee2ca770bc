// Figures the suite measures (timings, counts), collected from every test file into one table that
// the run prints at its end and leaves in test-results/cluster/figures.json for the docs.
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../chart/helpers/tools.ts';

const dir = path.join(repoRoot, 'test-results/cluster');
const lines = path.join(dir, 'figures.jsonl');

interface Figure {
  name: string;
  value: number | string;
  unit: string;
  target?: string;
}

export function resetFigures(): void {
  rmSync(lines, { force: true });
}

export function record(name: string, value: number | string, unit = '', target?: string): void {
  mkdirSync(dir, { recursive: true });
  const rounded = typeof value === 'number' ? Math.round(value * 10) / 10 : value;
  appendFileSync(lines, `${JSON.stringify({ name, value: rounded, unit, target })}\n`);
}

export function printFigures(): void {
  if (!existsSync(lines)) return;
  const figures = readFileSync(lines, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Figure);
  writeFileSync(path.join(dir, 'figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log('\nCluster figures:');
  for (const figure of figures) {
    const target = figure.target ? `   (target: ${figure.target})` : '';
    console.log(`  ${figure.name}: ${figure.value} ${figure.unit}${target}`);
  }
}
