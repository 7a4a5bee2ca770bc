// `npm run bench [-- --quick] [--engines=postgres,pglite] [--rebuild] [--no-image]`:
// measures the built API on PostgreSQL and PGlite against its two ceilings, writes
// bench/results/<timestamp>.json and latest.json, and rewrites the tables between the markers of docs/performance.md.
// BENCH_DURATION (seconds per load run, default 8) and BENCH_CONNECTIONS (default 10) tune it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { postgresVersion } from './lib/database.mjs';
import { PHASES, runEngine, SCENARIO_ORDER } from './lib/engine-run.mjs';
import { busyProcesses, describeMachine } from './lib/machine.mjs';
import { loadAverage } from './lib/proc.mjs';
import { repoRoot, snapshotBuild } from './lib/snapshot.mjs';
import { renderDocs } from './render.mjs';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    engines: { type: 'string', default: 'postgres,pglite' },
    rebuild: { type: 'boolean', default: false },
    'no-image': { type: 'boolean', default: false },
    'no-render': { type: 'boolean', default: false },
    only: { type: 'string', default: PHASES.join(',') },
    scenarios: { type: 'string', default: SCENARIO_ORDER.join(',') },
    api: { type: 'string' },
    label: { type: 'string' },
  },
});
const list = (text) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const options = {
  quick: flags.quick,
  seconds: Number(process.env.BENCH_DURATION ?? (flags.quick ? 2 : 8)),
  warmupSeconds: flags.quick ? 0.5 : 1,
  serverWarmupSeconds: flags.quick ? 2 : 6,
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  coldRuns: Number(process.env.BENCH_COLD_RUNS ?? (flags.quick ? 2 : 5)),
  engines: list(flags.engines),
  phases: list(flags.only),
  scenarios: list(flags.scenarios),
  heapCapMb: process.env.BENCH_HEAP_CAP_MB ? Number(process.env.BENCH_HEAP_CAP_MB) : undefined,
  // Logging cost does not depend on the engine; measure it once, on the cluster engine.
  loggingEngines: ['postgres'],
  // The image runs on PostgreSQL only (it leaves PGlite out).
  bundleEngines: ['postgres'],
  image: !flags['no-image'],
};

const started = performance.now();
const log = (message) =>
  console.log(`[bench +${Math.round((performance.now() - started) / 1000)}s] ${message}`);

async function main() {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const runId = `${stamp.toLowerCase()}_${process.pid}`;
  const workDir = await mkdtemp(path.join(tmpdir(), 'bench-'));
  const snapshot = await snapshotBuild({ rebuild: flags.rebuild, apiDist: flags.api });
  const results = {
    schema: 1,
    started_at: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    options,
    machine: describeMachine(await postgresVersion()),
    label: flags.label ?? null,
    build: {
      api_sha256: snapshot.api.sha256,
      api_built_at: snapshot.api.built_at,
      api_dist: flags.api ?? 'apps/api/dist',
    },
    engines: {},
    notes: snapshot.web.note ? [snapshot.web.note] : [],
  };
  log(
    `machine: ${results.machine.cpu_model}, ${results.machine.cores} cores, load ${results.machine.loadavg_start.one}`,
  );
  // BENCH_KEEP_WORKDIR=1 keeps the servers' logs (and seeds) for debugging a run.
  const keepWorkDir = process.env.BENCH_KEEP_WORKDIR === '1';
  if (keepWorkDir) log(`work directory: ${workDir}`);
  const cleanups = [
    () => snapshot.cleanup(),
    () => (keepWorkDir ? Promise.resolve() : rm(workDir, { recursive: true, force: true })),
  ];
  try {
    for (const kind of options.engines) {
      const { result, engine } = await runEngine(kind, {
        runId,
        build: snapshot.api,
        web: snapshot.web,
        workDir,
        options,
        log,
      });
      results.engines[kind] = result;
      cleanups.unshift(() => engine.cleanup());
    }
  } finally {
    for (const cleanup of cleanups)
      await cleanup().catch((error) => log(`cleanup: ${error.message}`));
  }

  results.finished_at = new Date().toISOString();
  results.duration_s = Math.round((performance.now() - started) / 1000);
  results.machine.loadavg_end = loadAverage();
  results.machine.busy_processes_end = busyProcesses();

  const resultsDir = path.join(repoRoot, 'bench', 'results');
  await mkdir(resultsDir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  // A labelled run (an experiment's variant) never replaces latest.json, which describes the
  // build as it is in the repository.
  const file = flags.label ? `${stamp}-${flags.label}.json` : `${stamp}.json`;
  await writeFile(path.join(resultsDir, file), json);
  if (!flags.label) await writeFile(path.join(resultsDir, 'latest.json'), json);
  log(`wrote bench/results/${file}${flags.label ? '' : ' and latest.json'}`);
  if (process.env.BENCH_RESULT_PATH_FILE)
    await writeFile(process.env.BENCH_RESULT_PATH_FILE, path.join(resultsDir, file));
  if (!flags['no-render'] && !flags.label) {
    await renderDocs();
    log('regenerated docs/performance.md');
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
