// `node bench/render.mjs`: regenerates docs/performance.md from bench/results (latest.json, and
// before.json, experiments/*.json, profile-*.json and cluster.json when present). Edit the prose here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as a from './lib/analysis-tables.mjs';
import { chartResources } from './lib/chart.mjs';
import { clusterUsage } from './lib/cluster-usage.mjs';
import { sizing, USER_MODEL } from './lib/sizing.mjs';
import * as t from './lib/tables.mjs';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'bench', 'results');
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

export async function renderDocs() {
  const latest = readJson(path.join(results, 'latest.json'));
  if (!latest) throw new Error('bench/results/latest.json is missing: run `npm run bench` first');
  const before = readJson(path.join(results, 'before.json'));
  const experimentsDir = path.join(results, 'experiments');
  const experiments = existsSync(experimentsDir)
    ? readdirSync(experimentsDir)
        .filter((file) => file.endsWith('.json'))
        .sort()
        .map((file) => readJson(path.join(experimentsDir, file)))
    : [];
  const patchesDir = path.join(root, 'bench', 'experiments');
  const availablePatches = new Set(
    existsSync(patchesDir)
      ? readdirSync(patchesDir)
          .filter((file) => file.endsWith('.patch'))
          .map((file) => file.replace(/\.patch$/, ''))
      : [],
  );
  const profile = readJson(path.join(results, 'profile-postgres.json'));
  const { prose } = await import('./lib/prose.mjs');

  const cluster = latest.engines.postgres ?? Object.values(latest.engines)[0];
  const size = { ...sizing(cluster), chart: chartResources() };
  const sections = [
    prose.intro(latest),
    t.machine(latest),
    prose.headline(latest, size),
    t.scenarios(latest),
    t.ratios(latest),
    t.coldStart(latest),
    t.scalingTasks(latest),
    t.scalingUsers(latest),
    t.memory(latest),
    t.resources(size, USER_MODEL),
    clusterUsage(readJson(path.join(results, 'cluster.json'))),
    a.census(latest),
    a.explain(latest),
    a.logging(latest),
    a.profile(profile),
    prose.hotSpots(before ?? latest, latest, profile),
    a.experiments(experiments, availablePatches),
    prose.experimentsSummary(experiments),
    a.beforeAfter(before, latest),
    prose.method(latest),
  ];
  const markdown = `${sections.filter(Boolean).join('\n\n')}\n`;
  await writeFile(path.join(root, 'docs', 'performance.md'), markdown);
  return markdown;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await renderDocs();
  console.log('docs/performance.md regenerated');
}
