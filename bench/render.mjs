// `node bench/render.mjs`: rewrites the generated blocks of docs/performance.md in place from
// bench/results. The document is written by hand; each table stands between
// `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`, and renderBlocks says what makes
// NAME. A block whose results are missing (latest.json stays local) is left as it is, so the
// committed results alone re-render the cluster, profile and experiment blocks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as a from './lib/analysis-tables.mjs';
import { clusterUsage } from './lib/cluster-usage.mjs';
import { ENGINE_NAMES } from './lib/markdown.mjs';
import { sizing } from './lib/sizing.mjs';
import * as t from './lib/tables.mjs';

const root = path.resolve(import.meta.dirname, '..');
export const docFile = path.join(root, 'docs', 'performance.md');
const resultsDir = path.join(root, 'bench', 'results');
const NOT_MEASURED = '_Not measured in this run._';

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

/** What the blocks are made from: each file that is there, else undefined. */
export function readResults(dir = resultsDir) {
  const experimentsDir = path.join(dir, 'experiments');
  const experiments = existsSync(experimentsDir)
    ? readdirSync(experimentsDir)
        .filter((file) => file.endsWith('.json'))
        .sort()
        .map((file) => readJson(path.join(experimentsDir, file)))
    : [];
  return {
    latest: readJson(path.join(dir, 'latest.json')),
    before: readJson(path.join(dir, 'before.json')),
    profile: readJson(path.join(dir, 'profile-postgres.json')),
    cluster: readJson(path.join(dir, 'cluster.json')),
    experiments,
  };
}

/** The markdown of every block these results make, by name (undefined: not in this run). */
export function renderBlocks({ latest, before, profile, cluster, experiments }) {
  const blocks = {};
  if (latest) {
    const sized = latest.engines.postgres ?? Object.values(latest.engines)[0];
    Object.assign(blocks, {
      machine: t.machine(latest),
      ...Object.fromEntries(
        Object.keys(ENGINE_NAMES).map((engine) => [
          `scenarios-${engine}`,
          t.scenarios(latest, engine),
        ]),
      ),
      ratios: t.ratios(latest),
      'cold-start': t.coldStart(latest),
      'scaling-tasks': t.scalingTasks(latest),
      'scaling-users': t.scalingUsers(latest),
      memory: t.memory(latest),
      'image-under-load': t.imageUnderLoad(latest),
      resources: t.resources(sizing(sized)),
      census: a.census(latest),
      explain: a.explain(latest),
      logging: a.logging(latest),
    });
    if (before) blocks['before-after'] = a.beforeAfter(before, latest);
  }
  if (cluster) blocks.cluster = clusterUsage(cluster);
  if (profile) blocks.profile = a.profile(profile);
  for (const experiment of experiments)
    blocks[`experiment-${experiment.name}`] = a.experiment(experiment);
  return blocks;
}

// Markers stand on lines of their own, so the text may mention them.
const blockPattern = /^<!-- bench:([\w-]+):start -->\n[\s\S]*?\n<!-- bench:\1:end -->$/gm;

/** The names of the blocks in a document, in order. */
export function blockNames(doc) {
  const names = [...doc.matchAll(blockPattern)].map((match) => match[1]);
  const starts = doc.match(/^<!-- bench:[\w-]+:start -->$/gm) ?? [];
  if (starts.length !== names.length)
    throw new Error('docs/performance.md: a <!-- bench:NAME:start --> without its end marker');
  const twice = names.filter((name, index) => names.indexOf(name) !== index);
  if (twice.length) throw new Error(`docs/performance.md: blocks twice: ${twice.join(', ')}`);
  return names;
}

/** The document with the blocks given replaced, the others as they were. */
export function withBlocks(doc, blocks) {
  blockNames(doc);
  return doc.replace(blockPattern, (whole, name) =>
    name in blocks
      ? `<!-- bench:${name}:start -->\n${blocks[name] ?? NOT_MEASURED}\n<!-- bench:${name}:end -->`
      : whole,
  );
}

export async function renderDocs() {
  const blocks = renderBlocks(readResults());
  const doc = readFileSync(docFile, 'utf8');
  const placed = new Set(blockNames(doc));
  const homeless = Object.keys(blocks).filter((name) => !placed.has(name));
  if (homeless.length)
    console.log(
      `docs/performance.md has no place for ${homeless.join(', ')}: write its section and put <!-- bench:NAME:start --> / <!-- bench:NAME:end --> where the table goes`,
    );
  const markdown = withBlocks(doc, blocks);
  await writeFile(docFile, markdown);
  return markdown;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await renderDocs();
  console.log('docs/performance.md: tables rewritten from bench/results');
}
