// `node bench/cluster-figures.mjs`: keeps the figures of the last `npm run test:cluster` run
// (test-results/cluster/figures.json) as bench/results/cluster.json, which docs/performance.md
// shows beside the chart's requests and limits, and renders that file again when the benchmark's
// own results are here.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, 'test-results/cluster/figures.json');
if (!existsSync(source)) throw new Error(`${source} is missing: run npm run test:cluster first`);
const figures = JSON.parse(readFileSync(source, 'utf8'));
const measured = new Date().toISOString().slice(0, 10);
writeFileSync(
  path.join(root, 'bench/results/cluster.json'),
  `${JSON.stringify({ measured, figures }, null, 2)}\n`,
);
console.log(`bench/results/cluster.json: ${figures.length} figures of ${measured}`);
if (existsSync(path.join(root, 'bench/results/latest.json'))) {
  const { renderDocs } = await import('./render.mjs');
  await renderDocs();
  console.log('docs/performance.md regenerated');
}
