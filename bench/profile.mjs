// `node bench/profile.mjs [--engine=postgres] [--scenarios=list,chat] [--seconds=8]`:
// CPU profiles of the built API while one scenario runs (and of its start-up), summarised into
// bench/results/profile-<engine>.json. Used to find the hot spots the numbers point at.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '@todo-chatbot/test-kit';
import autocannon from 'autocannon';
import { connectInspector, summariseProfile } from './lib/cpu-profile.mjs';
import { createEngine } from './lib/database.mjs';
import { listSql } from './lib/list-sql.mjs';
import { checkScenario, scenarios } from './lib/scenarios.mjs';
import { startApi } from './lib/server.mjs';
import { prepareEngine } from './lib/setup.mjs';
import { repoRoot, snapshotBuild } from './lib/snapshot.mjs';

const { values: flags } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    scenarios: { type: 'string', default: 'startup,list,create,toggle,chat,mcp' },
    seconds: { type: 'string', default: process.env.BENCH_DURATION ?? '8' },
    api: { type: 'string' },
    label: { type: 'string' },
    // Also write the raw .cpuprofile files (open them in Chrome DevTools or speedscope).
    keep: { type: 'boolean', default: false },
  },
});
const seconds = Number(flags.seconds);
const log = (message) => console.log(`[profile] ${message}`);

const workDir = await mkdtemp(path.join(tmpdir(), 'bench-profile-'));
const snapshot = await snapshotBuild({ apiDist: flags.api });
const runId = `prof_${process.pid}`;
const engine = await createEngine(flags.engine, runId);
const profiles = {};
try {
  const start = async (extra = {}) => {
    const inspectPort = await freePort();
    const server = await startApi({
      entry: snapshot.api.entry,
      database: engine,
      webDir: snapshot.web.dir,
      logFile: path.join(workDir, 'api.log'),
      nodeArgs: [`--inspect=127.0.0.1:${inspectPort}`],
      ...extra,
    });
    return { ...server, inspectPort };
  };
  const { users } = await prepareEngine({
    engine,
    start,
    sql: listSql(100),
    runId,
    log,
    crowdSize: 0,
  });

  for (const name of flags.scenarios.split(',')) {
    if (name === 'startup') {
      profiles.startup = await profileStartup();
      continue;
    }
    const server = await start();
    const ids = await (
      await fetch(`${server.url}/api/me/tasks?limit=100`, {
        headers: { authorization: `Bearer ${users.main.token}` },
      })
    ).json();
    const context = {
      url: server.url,
      main: users.main,
      writer: users.writer,
      taskIds: ids.tasks.map((t) => t.id),
    };
    await checkScenario(name, context);
    const target = scenarios[name].target(context);
    await autocannon({ ...target, connections: 10, duration: 1 });
    const inspector = await connectInspector(server.inspectPort);
    await inspector.start();
    const result = await autocannon({ ...target, connections: 10, duration: seconds });
    const profile = await inspector.stop();
    inspector.close();
    if (flags.keep) await keepProfile(name, profile);
    await server.stop();
    profiles[name] = {
      requests: result.requests.total,
      ms_per_request:
        Math.round((profile.endTime - profile.startTime) / 10 / result.requests.total) / 100,
      ...summariseProfile(profile, snapshot.api.entry),
    };
    log(`${name}: ${profiles[name].busy_ms} ms busy over ${result.requests.total} requests`);
  }
} finally {
  await engine.cleanup();
  await snapshot.cleanup();
  await rm(workDir, { recursive: true, force: true });
}

const outDir = path.join(repoRoot, 'bench', 'results');
await mkdir(outDir, { recursive: true });
const file = path.join(
  outDir,
  `profile-${flags.engine}${flags.label ? `-${flags.label}` : ''}.json`,
);
await writeFile(
  file,
  `${JSON.stringify({ taken_at: new Date().toISOString(), engine: flags.engine, seconds, build: snapshot.api.sha256, profiles }, null, 2)}\n`,
);
log(`wrote ${path.relative(repoRoot, file)}`);

async function keepProfile(name, profile) {
  const dir = path.join(repoRoot, 'bench', 'results', 'profiles');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${flags.engine}-${name}.cpuprofile`), JSON.stringify(profile));
}

/** Start-up from the first line of JS to ready: --cpu-prof, since no inspector is attached yet. */
async function profileStartup() {
  const dir = path.join(workDir, 'startup-prof');
  const server = await startApi({
    entry: snapshot.api.entry,
    database: engine,
    webDir: snapshot.web.dir,
    logFile: path.join(workDir, 'api.log'),
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=500'],
  });
  const readyMs = Math.round(server.readyMs);
  await server.stop();
  const [name] = await readdir(dir);
  const profile = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
  if (flags.keep) await keepProfile('startup', profile);
  log(`startup: ready in ${readyMs} ms`);
  return { ready_ms: readyMs, ...summariseProfile(profile, snapshot.api.entry, 20) };
}
