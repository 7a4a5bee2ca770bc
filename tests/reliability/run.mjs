#!/usr/bin/env node
// `npm run test:reliability`: builds the API, then proves its promises under failure — the
// fuzzing and access-control suites, zero-downtime rolling restarts, a database outage and a
// soak — on a private PostgreSQL, printing PASS/FAIL with figures and writing
// results/latest.json. `--quick` (or RELIABILITY_QUICK=1) runs the short versions CI uses.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sleep } from '@todo-chatbot/test-kit';
import { chartTiming } from './lib/chart.mjs';
import { createPostgres } from './lib/postgres.mjs';
import { apiSuites } from './scenarios/api-suites.mjs';
import { hostileUser } from './scenarios/hostile.mjs';
import { databaseOutage } from './scenarios/outage.mjs';
import { rollingRestart } from './scenarios/rolling-restart.mjs';
import { soak } from './scenarios/soak.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = process.argv.slice(2);
const quick = args.includes('--quick') || process.env.RELIABILITY_QUICK === '1';
// `--only=outage,soak` runs a subset (by scenario id) while working on one of them.
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');

const SCENARIOS = [
  { id: 'suites', run: (ctx) => apiSuites(ctx) },
  {
    id: 'rolling-chart',
    run: (ctx) =>
      rollingRestart(ctx, {
        name: 'rolling restart (chart: preStop, SIGTERM, grace)',
        mode: 'chart',
      }),
  },
  {
    id: 'rolling-app',
    run: (ctx) =>
      rollingRestart(ctx, {
        name: 'rolling restart (app drain: SHUTDOWN_DELAY_MS=5000)',
        mode: 'app',
      }),
  },
  {
    id: 'rolling-control',
    full: true, // costs a minute and proves the harness, not the app: full runs only
    run: (ctx) =>
      rollingRestart(ctx, {
        name: 'control: rolling restart with no drain (must fail requests)',
        mode: 'control',
      }),
  },
  { id: 'outage', run: (ctx) => databaseOutage(ctx) },
  { id: 'soak', run: (ctx) => soak(ctx) },
  { id: 'hostile', run: (ctx) => hostileUser(ctx) },
];

function sh(command, commandArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${commandArgs.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

/**
 * Replicas run a private copy of the build, so another `npm run build` in this checkout
 * (which empties apps/api/dist) cannot break a replica starting halfway through the run.
 */
async function buildApi() {
  await sh('npm', ['run', 'build', '-w', 'apps/api']);
  const snapshot = path.join(here, '.build', 'api');
  await rm(snapshot, { recursive: true, force: true });
  await mkdir(path.dirname(snapshot), { recursive: true });
  await cp(path.join(root, 'apps/api/dist'), snapshot, { recursive: true });
  await writeFile(path.join(snapshot, 'package.json'), '{ "type": "module" }\n');
  return path.join(snapshot, 'index.js');
}

const cleanups = [];
let postgres;
async function cleanUp() {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => {});
  await postgres?.destroy().catch(() => {});
  postgres = undefined;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping replicas and PostgreSQL`);
    cleanUp().finally(() => process.exit(130));
  });
}

const loadAverage = () => os.loadavg().map((value) => Math.round(value * 100) / 100);

async function main() {
  const startedAt = new Date();
  const resultsDir = path.join(here, 'results');
  await mkdir(resultsDir, { recursive: true });
  const unknown = only?.filter((id) => !SCENARIOS.some((scenario) => scenario.id === id)) ?? [];
  if (unknown.length > 0) {
    throw new Error(
      `unknown scenario ${unknown.join(', ')}; choose from ${SCENARIOS.map((s) => s.id).join(', ')}`,
    );
  }
  const selected = SCENARIOS.filter((scenario) =>
    only ? only.includes(scenario.id) : !(quick && scenario.full),
  );
  console.log(
    `reliability run (${quick ? 'quick' : 'full'}): ${selected.map((s) => s.id).join(', ')}`,
  );
  const machine = {
    cpus: os.cpus().length,
    memory_gib: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    load_average_at_start: loadAverage(),
  };
  const commit = await sh('git', ['rev-parse', '--short', 'HEAD']).then(
    (out) => out.trim(),
    () => 'unknown',
  );

  const results = [];
  try {
    // RELIABILITY_API_ENTRY: try another build (a candidate fix) as it is, without building.
    let entry;
    if (process.env.RELIABILITY_API_ENTRY) {
      entry = path.resolve(process.env.RELIABILITY_API_ENTRY);
      process.stdout.write(`API build under test: ${entry}; `);
    } else {
      process.stdout.write('building the API… ');
      entry = await buildApi();
    }
    postgres = await createPostgres();
    console.log(`done; PostgreSQL on 127.0.0.1:${postgres.port}`);
    const ctx = {
      root,
      entry,
      postgres,
      quick,
      resultsDir,
      timing: await chartTiming(),
      // One secret for every replica: a session signed by one must be valid on the next.
      secret: randomBytes(32).toString('hex'),
      onCleanup: (fn) => cleanups.push(fn),
    };
    console.log(
      `shutdown timing from ${ctx.timing.source}: preStop ${ctx.timing.preStopMs} ms, SHUTDOWN_DELAY_MS ${ctx.timing.shutdownDelayMs}, SHUTDOWN_TIMEOUT_MS ${ctx.timing.shutdownTimeoutMs}, grace ${ctx.timing.graceMs} ms`,
    );
    for (const scenario of selected) {
      console.log(`\n▶ ${scenario.id}`);
      const started = Date.now();
      // The load generator shares this event loop: its delay bounds how far client-side
      // latencies can be trusted on a busy machine.
      const loopDelay = monitorEventLoopDelay({ resolution: 10 });
      loopDelay.enable();
      let result;
      try {
        result = await scenario.run(ctx);
      } catch (error) {
        result = {
          name: scenario.id,
          headline: 'the scenario itself failed',
          figures: {},
          checks: [
            { name: 'scenario completed', pass: false, value: String(error?.stack ?? error) },
          ],
        };
      }
      loopDelay.disable();
      result.figures.harness_event_loop_delay_ms = {
        p50: Math.round(loopDelay.percentile(50) / 1e6),
        p99: Math.round(loopDelay.percentile(99) / 1e6),
        max: Math.round(loopDelay.max / 1e6),
      };
      // Each scenario stops its own processes; what it registered is no longer needed.
      cleanups.length = 0;
      result.id = scenario.id;
      result.seconds = Math.round((Date.now() - started) / 100) / 10;
      result.pass = result.checks.every((c) => c.pass);
      results.push(result);
      console.log(`${result.pass ? 'PASS' : 'FAIL'} ${result.name} (${result.seconds} s)`);
      console.log(`  ${result.headline}`);
      for (const c of result.checks) {
        console.log(`  ${c.pass ? '✓' : '✗'} ${c.name}: ${String(c.value).split('\n')[0]}`);
      }
      await sleep(1000); // let the previous scenario's processes finish exiting
    }
  } finally {
    await cleanUp();
  }

  const passed = results.filter((r) => r.pass).length;
  const failed = results.length - passed;
  const report = {
    mode: quick ? 'quick' : 'full',
    api_entry: process.env.RELIABILITY_API_ENTRY ?? 'apps/api/dist (built by this run)',
    commit,
    started_at: startedAt.toISOString(),
    seconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    machine: { ...machine, load_average_at_end: loadAverage() },
    passed,
    failed,
    scenarios: results,
  };
  await writeFile(path.join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\nresults: ${path.relative(root, path.join(resultsDir, 'latest.json'))} (${report.seconds} s)`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(error);
    await cleanUp();
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
