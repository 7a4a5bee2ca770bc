// The pods' CPU and memory on the real cluster (metrics-server, from `npm run test:cluster`:
// bench/results/cluster.json), beside the requests and limits the chart gives them with
// values-local.yaml, the profile that cluster runs.
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
  if (!run) return undefined;
  const figure = (name) => run.figures.find((f) => f.name === name)?.value ?? '–';
  const resources = localProfileResources();
  const rows = COMPONENTS.map(([label, key]) => [
    label,
    pair(resources[key]?.requests),
    pair(resources[key]?.limits),
    figure(`${label} at rest: CPU / memory per pod`),
    figure(`${label} under load: CPU / memory per pod`),
  ]);
  const load = `${figure('rollout: throughput')} req/s from 6 signed-in users (list, create, complete, chat) through the ingress and the web Service`;
  return [
    '## On the real cluster: pods beside their requests and limits',
    '',
    `Kubernetes ${figure('Kubernetes')} built from source on the same kind of 2-core machine (\`npm run test:cluster\`, ${run.measured}); usage from metrics-server (15 s windows), three API replicas, one web and one PostgreSQL pod, with the chart's \`values-local.yaml\`, whose API CPU request is 100m so that three replicas and a rolling restart fit a laptop cluster. "Under load" is ${load}.`,
    '',
    table(
      [
        'Pod',
        'request (CPU / memory)',
        'limit (CPU / memory)',
        'at rest, per pod',
        'under load, per pod',
      ],
      rows,
    ),
    '',
    `The API's CPU request is what its HPA scales on: at 70 % of it the HPA adds replicas (\`tests/cluster/10-autoscaling.test.ts\`: ${figure('HPA: load start to scaled up')} s from load to three replicas, ${figure('HPA: load stop to back at the minimum')} s back to one after it stopped). Refresh with \`npm run test:cluster\`, then \`node bench/cluster-figures.mjs\`, which copies its figures to bench/results/cluster.json and renders this file again.`,
  ].join('\n');
}
