// Everything measured on one database engine, in an order that keeps runs comparable: set up
// and seed with the server stopped, time cold starts, then load scenarios on one warm server.
import path from 'node:path';
import { bareHttp, driverLoop } from './baselines.mjs';
import { censusFor } from './census.mjs';
import { bareNodeColdStarts, coldStarts } from './cold-start.mjs';
import { auth, live, runLoadSet, warmUp } from './common.mjs';
import { backendCpu, createEngine } from './database.mjs';
import { measureImageBundle } from './image-bundle.mjs';
import { listSql } from './list-sql.mjs';
import { mb, measure } from './load.mjs';
import { measurePod } from './pod.mjs';
import { cpuSeconds, round, rssBytes } from './proc.mjs';
import { checkScenario, scenarios } from './scenarios.mjs';
import { HEAP_PROBE_ARGS, liveMemory, sleep, startApi } from './server.mjs';
import { prepareEngine, TASK_LEVELS, USER_LEVELS } from './setup.mjs';

export const SCENARIO_ORDER = ['list', 'mcp', 'toggle', 'chat', 'create', 'static'];
export const PHASES = ['cold', 'scenarios', 'scaling', 'logging', 'bundle', 'image', 'census'];

export async function runEngine(kind, { runId, build, web, workDir, options, log }) {
  const engine = await createEngine(kind, runId);
  const logFile = path.join(workDir, `api-${kind}.log`);
  const heapFile = path.join(workDir, `heap-${kind}.json`);
  const start = (extra = {}) =>
    startApi({
      entry: build.entry,
      database: engine,
      webDir: web.dir,
      logFile,
      ...extra,
      env: { BENCH_HEAP_FILE: heapFile, ...extra.env },
    });
  const phase = (name) => options.phases.includes(name);
  const load = (target, connections, pid) =>
    measure({
      target,
      connections,
      pid,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      extraCpu: backendCpu(engine, cpuSeconds),
    });

  try {
    const sql = listSql(100);
    const { users, facts } = await prepareEngine({ engine, start, sql, runId, log });
    const { main, writer, byLevel, crowd } = users;
    const out = {
      engine: kind,
      ...facts,
      scenarios: {},
      scaling: { tasks: {}, users: {} },
      notes: [],
    };

    // The driver ceiling, on the same data, with no server running.
    out.baselines = {
      driver: await driverLoop({
        engine,
        sql,
        userId: main.id,
        seconds: options.seconds,
        concurrency: options.connections,
      }),
    };
    log(`${kind}: driver ${out.baselines.driver.ops_per_second} list operations/s`);

    // Cold starts on a migrated database holding data: a replica joining, or a restart; and
    // the same for a bare node:http process, the floor on this machine right now.
    if (phase('cold')) {
      out.cold_start = await coldStarts(() => start(), options.coldRuns);
      out.cold_start.bare_node = await bareNodeColdStarts(options.coldRuns);
      log(
        `${kind}: cold start median ${out.cold_start.median_ms} ms (bare node ${out.cold_start.bare_node.median_ms} ms)`,
      );
    }

    let server = await start({ nodeArgs: HEAP_PROBE_ARGS });
    await sleep(2000);
    out.memory = {
      rest_before_load_mb: mb(rssBytes(server.pid) ?? 0),
      live_before_load: live(await liveMemory(server, heapFile)),
    };
    const context = { url: server.url, main, writer, taskIds: await idsOf(server.url, main) };
    const warm = (url) => warmUp({ ...context, url }, options.serverWarmupSeconds);
    await warm(server.url);

    // The HTTP ceiling, serving exactly the bytes of our list answer.
    const listBody = await (
      await fetch(`${server.url}/api/me/tasks?limit=100`, { headers: auth(main) })
    ).text();
    out.baselines.bare_http = await bareHttp({
      body: listBody,
      workDir,
      seconds: options.seconds,
      connections: options.connections,
      warmupSeconds: options.warmupSeconds,
    });
    log(`${kind}: bare http ${out.baselines.bare_http.rps} rps`);

    if (phase('scenarios')) {
      for (const name of SCENARIO_ORDER.filter((name) => options.scenarios.includes(name))) {
        const scenario = scenarios[name];
        if (scenario.needsWeb && !web.dir) {
          out.notes.push(`${name}: skipped, ${web.note}`);
          continue;
        }
        await checkScenario(name, context);
        const result = await load(scenario.target(context), options.connections, server.pid);
        out.scenarios[name] = { title: scenario.title, request: scenario.request, ...result };
        log(
          `${kind}: ${name} ${result.rps} rps, p95 ${result.latency_ms.p95} ms, ${result.errors} errors`,
        );
      }
    }

    if (phase('scaling')) {
      // Tasks per user: the same list request for users holding more and more tasks.
      for (const count of TASK_LEVELS) {
        const target = scenarios.list.target({ url: server.url, main: byLevel[count] });
        out.scaling.tasks[count] = await load(target, options.connections, server.pid);
        log(`${kind}: ${count} tasks/user ${out.scaling.tasks[count].rps} rps`);
      }
      // Concurrent users: one connection each, each with its own session, like distinct browsers.
      for (const count of USER_LEVELS) {
        let next = 0;
        const target = {
          ...scenarios.list.target({ url: server.url, main }),
          setupClient: (client) => client.setHeaders(auth(crowd[next++ % count])),
        };
        out.scaling.users[count] = await load(target, count, server.pid);
        log(`${kind}: ${count} users ${out.scaling.users[count].rps} rps`);
      }
    }

    // The first scenario again: how far this machine drifted during the run.
    out.repeat_list = await load(scenarios.list.target(context), options.connections, server.pid);
    await sleep(3000);
    out.memory.rest_after_load_mb = mb(rssBytes(server.pid) ?? 0);
    out.memory.live_after_load = live(await liveMemory(server, heapFile));
    const loaded = [
      ...Object.values(out.scenarios),
      ...Object.values(out.scaling.users),
      out.repeat_list,
    ];
    out.memory.peak_mb = Math.max(...loaded.map((result) => result.memory.rss_peak_mb));
    await server.stop();

    // Logging cost: the same list and create with one JSON line per request.
    if (phase('logging') && options.loggingEngines.includes(kind)) {
      server = await start({ logLevel: 'info' });
      await warm(server.url);
      out.logging_info = {};
      for (const name of ['list', 'create']) {
        out.logging_info[name] = await load(
          scenarios[name].target({ ...context, url: server.url }),
          options.connections,
          server.pid,
        );
      }
      await server.stop();
      log(`${kind}: LOG_LEVEL=info list ${out.logging_info.list.rps} rps`);
    }

    // The image's runtime bundle: what pods run, so what the chart is sized on.
    if (phase('bundle') && options.bundleEngines.includes(kind)) {
      out.image_bundle = await measureImageBundle({
        build,
        start,
        context,
        crowd,
        load,
        heapFile,
        options,
        log,
      });
    }

    // The image itself, as a pod runs it (with the chart's limits), on this engine's database.
    if (phase('image') && kind === 'postgres' && options.image) {
      out.image = await measurePod({
        databaseUrl: engine.url,
        runs: options.coldRuns,
        loadSet: (pod) => runLoadSet({ server: pod, context, crowd, load, options }),
        log,
      });
      if (out.image.skipped) log(`image: skipped, ${out.image.skipped}`);
    }

    // What each request asks of the database (PostgreSQL only: it has a wire to listen on).
    if (phase('census') && kind === 'postgres') {
      const sequence = SCENARIO_ORDER.filter((name) => web.dir || !scenarios[name].needsWeb);
      out.census = await censusFor({ engine, start, context, sequence });
      log(
        `${kind}: statements per request ${JSON.stringify(Object.fromEntries(Object.entries(out.census).map(([name, c]) => [name, c.statements])))}`,
      );
    }

    out.ratios = ratios(out);
    return { result: out, engine };
  } catch (error) {
    await engine.cleanup().catch(() => {});
    throw error;
  }
}

/** Throughput relative to the two ceilings measured minutes before, on the same machine. */
function ratios(out) {
  const ratio = (ours, limit) => (ours && limit ? round(ours / limit, 3) : null);
  const bare = out.baselines.bare_http?.rps;
  const driver = out.baselines.driver?.ops_per_second;
  return {
    list_vs_bare_http: ratio(out.scenarios.list?.rps, bare),
    list_vs_driver: ratio(out.scenarios.list?.rps, driver),
    mcp_vs_bare_http: ratio(out.scenarios.mcp?.rps, bare),
    mcp_vs_driver: ratio(out.scenarios.mcp?.rps, driver),
    cold_start_vs_bare_node: ratio(out.cold_start?.median_ms, out.cold_start?.bare_node?.median_ms),
  };
}

async function idsOf(url, user) {
  const response = await fetch(`${url}/api/me/tasks?limit=100`, { headers: auth(user) });
  return (await response.json()).tasks.map((task) => task.id);
}
