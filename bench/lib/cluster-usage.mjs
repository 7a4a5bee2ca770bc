// The table of the pods' CPU and memory on the real cluster (metrics-server, from
// `npm run test:cluster`: bench/results/cluster.json), beside the requests and limits the chart
// gives them with values-local.yaml, the profile that cluster runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { table } from './markdown.mjs';
import { repoRoot } from './snapshot.mjs';

const chartDir = path.join(repoRoot, 'deploy/helm/todo-chatbot');
const COMPONENTS = [
  ['API', 'api'],
  ['web', 'web'],
  ['PostgreSQL', 'postgresql'],
];

function merged(base, override) {
  if (
    typeof base !== 'object' ||
    base === null ||
    typeof override !== 'object' ||
    override === null
  )
    return override ?? base;
  const out = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = merged(base[key], value);
  return out;
}

function localProfileResources() {
  const read = (file) => parse(readFileSync(path.join(chartDir, file), 'utf8'));
  const values = merged(read('values.yaml'), read('values-local.yaml'));
  return Object.fromEntries(COMPONENTS.map(([, key]) => [key, values[key]?.resources]));
}

const pair = (r) => (r ? `${r.cpu ?? '–'} / ${r.memory ?? '–'}` : '–');

export function clusterUsage(run) {
  const figure = (name) => run.figures.find((f) => f.name === name)?.value ?? '–';
  const resources = localProfileResources();
  const rows = COMPONENTS.map(([label, key]) => [
    label,
    pair(resources[key]?.requests),
    pair(resources[key]?.limits),
    figure(`${label} at rest: CPU / memory per pod`),
    figure(`${label} under load: CPU / memory per pod`),
  ]);
  return table(
    [
      'Pod',
      'request (CPU / memory)',
      'limit (CPU / memory)',
      'at rest, per pod',
      'under load, per pod',
    ],
    rows,
  );
}
