// `node bench/experiment.mjs <patch> [<patch>…] [--name=x] [--engines=…] [--only=…] [--scenarios=…] [--quick]`
// Measures a proposed fix without touching apps/: builds the API twice from copies of apps/api
// (unpatched, then with bench/experiments/<patch>.patch applied), runs the same bench on both
// back to back on fresh databases, and writes bench/results/experiments/<name>.json.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildVariant, describePatch } from './lib/patched-build.mjs';
import { repoRoot } from './lib/snapshot.mjs';
import { renderDocs } from './render.mjs';

const { values: flags, positionals: patches } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    engines: { type: 'string', default: 'postgres,pglite' },
    only: { type: 'string', default: 'scenarios,scaling,census' },
    scenarios: { type: 'string', default: 'list,create,toggle,chat,mcp' },
    quick: { type: 'boolean', default: false },
  },
});
if (patches.length === 0) {
  console.error('usage: node bench/experiment.mjs <patch name> [...]  (see bench/experiments/)');
  process.exit(2);
}
const name = flags.name ?? patches.join('+');
const cache = path.join(repoRoot, 'bench', '.cache', `experiment-${process.pid}`);

try {
  const variants = {
    control: await buildVariant([], path.join(cache, 'control')),
    patched: await buildVariant(patches, path.join(cache, 'patched')),
  };
  const runs = {};
  for (const [variant, dist] of Object.entries(variants)) {
    console.log(`[experiment] ${name}: measuring the ${variant} build`);
    runs[variant] = await runBench(dist, `${name}-${variant}`);
  }
  const descriptions = await Promise.all(patches.map(describePatch));
  const outDir = path.join(repoRoot, 'bench', 'results', 'experiments');
  await mkdir(outDir, { recursive: true });
  const experiment = { name, patches, description: descriptions.join('\n\n'), ...runs };
  await writeFile(path.join(outDir, `${name}.json`), `${JSON.stringify(experiment, null, 2)}\n`);
  console.log(`[experiment] wrote bench/results/experiments/${name}.json`);
  await renderDocs().catch((error) =>
    console.log(`[experiment] docs not rendered: ${error.message}`),
  );
} finally {
  await rm(cache, { recursive: true, force: true });
}

/** Runs bench/run.mjs on one build and returns its results. */
async function runBench(dist, label) {
  const pointer = path.join(tmpdir(), `bench-result-${process.pid}-${label}`);
  const args = [
    path.join(repoRoot, 'bench', 'run.mjs'),
    `--api=${dist}`,
    `--label=${label}`,
    `--engines=${flags.engines}`,
    `--only=${flags.only}`,
    `--scenarios=${flags.scenarios}`,
    '--no-image',
    ...(flags.quick ? ['--quick'] : []),
  ];
  const child = spawn(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, BENCH_RESULT_PATH_FILE: pointer },
  });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`bench run for ${label} failed with exit code ${code}`);
  const resultFile = (await readFile(pointer, 'utf8')).trim();
  await rm(pointer, { force: true });
  return JSON.parse(await readFile(resultFile, 'utf8'));
}
