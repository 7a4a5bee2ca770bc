// Markdown tables for docs/performance.md: the run's measurements and the sizing.
import { isDeepStrictEqual } from 'node:util';
import { ENGINE_NAMES, engines, ms, n, pct, SCENARIO_ORDER, table } from './markdown.mjs';
import { TASK_LEVELS, USER_LEVELS } from './setup.mjs';

export function machine(results) {
  const m = results.machine;
  const load = (l) => (l ? `${l.one} / ${l.five} / ${l.fifteen}` : '–');
  const rows = [
    ['CPU', `${m.cpu_model}, ${m.cores} cores`],
    ['Memory', `${m.memory_gb} GB`],
    ['Kernel', m.kernel],
    ['Node.js', m.node],
    ['PostgreSQL', m.postgres],
    ['Commit', `${m.git_commit}${m.git_dirty ? ' (apps/api had uncommitted changes)' : ''}`],
    [
      'API bundle',
      `sha256 ${results.build.api_sha256}… built ${results.build.api_built_at}${results.label ? ` (variant: ${results.label})` : ''}`,
    ],
    [
      'Run',
      `${results.started_at} – ${results.finished_at} (${Math.round(results.duration_s / 60)} min)`,
    ],
    ['Command', `\`${results.command}\``],
    [
      'Load per run',
      `${results.options.seconds} s measured after ${results.options.warmupSeconds} s warm-up, ${results.options.connections} connections`,
    ],
    ['Load average (1/5/15 min)', `start ${load(m.loadavg_start)}, end ${load(m.loadavg_end)}`],
    ['Busiest processes at start', m.busy_processes?.join('; ') || '–'],
  ];
  return `## Machine and conditions\n\n${table(['', 'value'], rows)}`;
}

export function scenarios(results) {
  const parts = ['## Scenarios'];
  for (const engine of engines(results)) {
    const e = results.engines[engine];
    const rows = SCENARIO_ORDER.filter((name) => e.scenarios[name]).map((name) => {
      const s = e.scenarios[name];
      return [
        `${s.title} (\`${s.request}\`)`,
        n(s.rps),
        ms(s.latency_ms.p50),
        ms(s.latency_ms.p95),
        ms(s.latency_ms.p99),
        n(s.errors),
        n(s.memory.rss_peak_mb),
        n(s.cpu.server_ms_per_request, 2),
        s.cpu.database_ms_per_request === undefined
          ? 'in process'
          : n(s.cpu.database_ms_per_request, 2),
        n(s.bytes_per_response),
      ];
    });
    parts.push(
      `### ${ENGINE_NAMES[engine]}\n\n${table(
        [
          'Scenario',
          'req/s',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'errors',
          'peak RSS MB',
          'API CPU ms/req',
          'DB CPU ms/req',
          'bytes/resp',
        ],
        rows,
      )}${repeatLine(e)}${e.notes?.length ? `\n\n${e.notes.map((note) => `- ${note}`).join('\n')}` : ''}`,
    );
  }
  return parts.join('\n\n');
}

function repeatLine(e) {
  const first = e.scenarios.list;
  const again = e.repeat_list;
  if (!first || !again) return '';
  return `\n\nThe list run repeated at the end of this engine's runs: ${n(again.rps)} req/s, p95 ${ms(again.latency_ms.p95)} ms, ${n(again.cpu.server_ms_per_request, 2)} ms API CPU per request (first: ${n(first.rps)}, ${ms(first.latency_ms.p95)} ms, ${n(first.cpu.server_ms_per_request, 2)} ms).`;
}

export function ratios(results) {
  const rows = engines(results).map((engine) => {
    const e = results.engines[engine];
    return [
      ENGINE_NAMES[engine],
      n(e.baselines.bare_http?.rps),
      n(e.baselines.driver?.ops_per_second),
      n(e.scenarios.list?.rps),
      pct(e.ratios.list_vs_bare_http),
      pct(e.ratios.list_vs_driver),
      n(e.scenarios.mcp?.rps),
      pct(e.ratios.mcp_vs_bare_http),
      pct(e.ratios.mcp_vs_driver),
    ];
  });
  return `## Ceilings and ratios\n\nThe same run measures two ceilings, so the ratios compare across machines where raw requests per second do not: a bare \`node:http\` server (its own process) answering with the exact bytes of our list-100 response, and the list endpoint's two SQL statements (page and total, concurrently, as \`listTasks\` runs them) through the driver alone with the same concurrency.\n\n${table(
    [
      'Engine',
      'bare HTTP req/s',
      'driver list ops/s',
      'list req/s',
      'list / bare HTTP',
      'list / driver',
      'MCP req/s',
      'MCP / bare HTTP',
      'MCP / driver',
    ],
    rows,
  )}`;
}

export function coldStart(results) {
  const rows = engines(results)
    .filter((engine) => results.engines[engine].cold_start)
    .map((engine) => {
      const e = results.engines[engine];
      const c = e.cold_start;
      return [
        `built API on ${ENGINE_NAMES[engine]}`,
        n(c.median_ms),
        `${n(c.min_ms)}–${n(c.max_ms)}`,
        c.runs,
        n(c.bare_node?.median_ms),
        e.ratios.cold_start_vs_bare_node ? `${n(e.ratios.cold_start_vs_bare_node, 1)}×` : '–',
        n(c.rss_at_ready_mb),
        n(e.first_start_ms),
      ];
    });
  const bundle = results.engines.postgres?.image_bundle;
  if (bundle?.cold_start) {
    const c = bundle.cold_start;
    rows.push([
      'image bundle (host Node) on PostgreSQL',
      n(c.median_ms),
      `${n(c.min_ms)}–${n(c.max_ms)}`,
      c.runs,
      '',
      '',
      n(c.rss_at_ready_mb),
      '',
    ]);
  }
  const image = results.engines.postgres?.image;
  if (image?.cold_start) {
    const c = image.cold_start;
    rows.push([
      `image \`${image.image}\` (\`podman run\` ${image.limits}) on PostgreSQL`,
      n(c.median_ms),
      `${n(Math.min(...c.samples_ms))}–${n(Math.max(...c.samples_ms))}`,
      c.runs,
      '',
      '',
      n(c.rss_at_ready_mb),
      '',
    ]);
  }
  const imageLine = image?.skipped ? `\n\nImage: not measured — ${image.skipped}.` : '';
  return `## Cold start\n\nFrom spawning \`node apps/api/dist/index.js\` to the first 200 from \`/readyz\` (polled every 20 ms), on a migrated database that already holds the seeded data, as a replica joining or restarting sees it. "First start" is the very first start on an empty database, including the migrations. The bare-node column is the floor on this machine at that moment: a \`node:http\` process from spawn to its first 200.\n\n${table(
    [
      'What',
      'median ms',
      'range ms',
      'runs',
      'bare node ms',
      'vs bare node',
      'RSS at ready MB',
      'first start ms',
    ],
    rows,
  )}${imageLine}`;
}

export function scalingTasks(results) {
  const list = engines(results);
  const headers = ['tasks per user'];
  for (const engine of list)
    headers.push(`${ENGINE_NAMES[engine]} req/s`, 'p95 ms', 'API CPU ms/req', 'DB CPU ms/req');
  const rows = TASK_LEVELS.map((level) => {
    const row = [n(level)];
    for (const engine of list) {
      const r = results.engines[engine].scaling?.tasks?.[level];
      row.push(
        n(r?.rps),
        ms(r?.latency_ms.p95),
        n(r?.cpu.server_ms_per_request, 2),
        r?.cpu.database_ms_per_request === undefined
          ? 'in process'
          : n(r.cpu.database_ms_per_request, 2),
      );
    }
    return row;
  });
  return `## Scaling: tasks per user\n\nThe list request (\`limit=100\`, newest first) for users holding 10 to 10,000 tasks, ${results.options.connections} connections. CPU time per request is the figure to compare: requests per second moves with whatever else this machine runs.\n\n${table(headers, rows)}`;
}

export function scalingUsers(results) {
  const list = engines(results);
  const headers = ['concurrent users'];
  for (const engine of list)
    headers.push(
      `${ENGINE_NAMES[engine]} req/s`,
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'peak RSS MB',
      'API CPU ms/req',
    );
  const rows = USER_LEVELS.map((level) => {
    const row = [n(level)];
    for (const engine of list) {
      const r = results.engines[engine].scaling?.users?.[level];
      row.push(
        n(r?.rps),
        ms(r?.latency_ms.p50),
        ms(r?.latency_ms.p95),
        ms(r?.latency_ms.p99),
        n(r?.memory.rss_peak_mb),
        n(r?.cpu.server_ms_per_request, 2),
      );
    }
    return row;
  });
  return `## Scaling: concurrent users\n\nEach user is one keep-alive connection with its own session, asking for its 100 tasks again as soon as the last answer arrives (a closed loop: far busier than a person). Throughput stays flat once the server's one event loop is saturated, and latency grows with the queue: that is the point to add replicas.\n\n${table(headers, rows)}`;
}

const HEAP_LABELS = { v8_default: 'V8 default heap' };

export function memory(results) {
  const rows = engines(results).map((engine) => {
    const e = results.engines[engine];
    const m = e.memory ?? {};
    return [
      `\`dist/\` on ${ENGINE_NAMES[engine]}`,
      n(e.cold_start?.rss_at_ready_mb),
      n(m.rest_before_load_mb),
      n(m.live_before_load?.heap_used_mb),
      n(m.peak_mb),
      n(m.rest_after_load_mb),
      n(m.live_after_load?.heap_used_mb),
    ];
  });
  const bundle = results.engines.postgres?.image_bundle;
  const settings = bundle?.heap ?? {};
  for (const [name, set] of Object.entries(settings)) {
    rows.push([
      `image bundle on PostgreSQL, ${HEAP_LABELS[name] ?? name}`,
      n(bundle.cold_start?.rss_at_ready_mb),
      n(set.rss_at_rest_mb),
      '–',
      n(set.peak_mb),
      n(set.rss_after_load_mb),
      n(set.live_after_load?.heap_used_mb),
    ]);
  }
  const pod = results.engines.postgres?.image;
  if (pod?.load) {
    rows.push([
      `image as a pod (\`${pod.limits}\`) on PostgreSQL`,
      n(pod.cold_start?.rss_at_ready_mb),
      n(pod.load.rss_at_rest_mb),
      '–',
      n(pod.load.peak_mb),
      n(pod.load.rss_after_load_mb),
      '–',
    ]);
  }
  const heapRows = Object.entries(settings).map(([name, set]) => [
    `image bundle, ${HEAP_LABELS[name] ?? name}${set.node_options ? ` (\`${set.node_options}\`)` : ''}`,
    `${n(set.list.rps)} / ${ms(set.list.latency_ms.p95)}`,
    `${n(set.chat.rps, 1)} / ${ms(set.chat.latency_ms.p95)}`,
    `${n(set.users_100.rps)} / ${ms(set.users_100.latency_ms.p95)}`,
    n(set.list.cpu.server_ms_per_request, 2),
    n(set.peak_mb),
  ]);
  if (pod?.load) {
    const set = pod.load;
    heapRows.push([
      `the image in a container, \`${pod.limits}\` (V8 sizes its heap from the memory limit)`,
      `${n(set.list.rps)} / ${ms(set.list.latency_ms.p95)}`,
      `${n(set.chat.rps, 1)} / ${ms(set.chat.latency_ms.p95)}`,
      `${n(set.users_100.rps)} / ${ms(set.users_100.latency_ms.p95)}`,
      n(set.list.cpu.server_ms_per_request, 2),
      n(set.peak_mb),
    ]);
  }
  const bundleNote = heapRows.length
    ? `\n\nThe image's code under load (req/s / p95 ms):\n\n${table(['Build and heap', 'list', 'chat', '100 users', 'API CPU ms per list', 'peak RSS MB'], heapRows)}`
    : bundle?.skipped
      ? `\n\nImage bundle not measured: ${bundle.skipped}.`
      : '';
  return `## Memory per replica\n\nRSS sampled from \`/proc/<pid>/status\` every 100 ms; "live heap" is \`heapUsed\` after a forced full GC (the bench preloads a small probe into the server; the app is unchanged). Pods do not run \`dist/\`: the image runs the self-contained bundle that \`scripts/containers/bundle-api.mjs\` makes of it, measured here too: on this machine's Node (V8 sizing the heap with gigabytes free), and as the image itself in a container with the chart's limits, where Node sizes V8's heap from the memory limit.\n\n${table(
    [
      'Build and engine',
      'RSS at ready MB',
      'RSS at rest MB',
      'live heap at rest MB',
      'peak RSS under load MB',
      'RSS after load MB',
      'live heap after load MB',
    ],
    rows,
  )}${bundleNote}`;
}

export function resources(size, model) {
  if (size.missing)
    return `## Recommended resources\n\nNot derived: the run lacks ${size.missing.join(', ')}.`;
  const yaml = [
    'api:',
    '  resources:',
    '    requests:',
    `      cpu: ${size.resources.requests.cpu}`,
    `      memory: ${size.resources.requests.memory}`,
    '    limits:',
    `      cpu: ${size.resources.limits.cpu}`,
    `      memory: ${size.resources.limits.memory}`,
    ...(size.node_options
      ? ['  extraEnvVars:', '    - name: NODE_OPTIONS', `      value: "${size.node_options}"`]
      : []),
  ].join('\n');
  const mix = Object.entries(model)
    .map(([name, perMinute]) => `${perMinute} ${name}`)
    .join(', ');
  const chartText = (chart) =>
    `requests ${chart.requests.cpu} CPU / ${chart.requests.memory}, limits ${chart.limits.cpu} CPU / ${chart.limits.memory} (\`deploy/helm/todo-chatbot/values.yaml\`)`;
  const now = !size.chart?.requests
    ? ''
    : isDeepStrictEqual(size.chart, size.resources)
      ? `\n\nThe chart's defaults are these values: ${chartText(size.chart)}; a chart test holds them equal to the block above.`
      : `\n\nThe chart today: ${chartText(size.chart)}. A request far below what a pod uses under load lets the scheduler overpack a node, and since an HPA measures utilisation against the request, a small request also makes it scale out on little traffic.`;
  return `## Recommended resources (from the PostgreSQL run: the chart's engine)

An active user is modelled as, per minute: ${mix}. With the measured API CPU time per request that costs **${n(size.cpu_ms_per_user_minute, 1)} ms of API CPU per user-minute** (and ${n(size.database_cpu_ms_per_user_minute, 1)} ms in PostgreSQL), so one core at 70 % serves **${n(size.active_users_per_core)} active users** by the host's figures${size.container_cpu_factor > 1 ? `, and **${n(size.active_users_per_core_in_container)}** by the container's, where the list request cost ${n(size.container_cpu_factor, 1)}× the CPU` : ''}; a pod at its CPU request (${size.resources.requests.cpu}) about ${n(size.active_users_per_pod_at_request)} by the host's figures.

- **CPU limit ${size.resources.limits.cpu}**: the API's JavaScript runs on one thread; the most it used in any scenario an API pod serves was ${n(size.peak_server_cores, 2)} cores (GC and libuv threads included; the static page is the web pods' job), so more than a core buys little, while a lower limit throttles the event loop and inflates p99 (compare the container row above, run at \`--cpus=1\` on a busy host).
- **CPU request ${size.resources.requests.cpu}**: half the limit, so an HPA at 70 % of the request adds a replica when a pod serves about a third of its capacity, early enough to cover the cold start below.
- **Memory request ${size.resources.requests.memory}**: RSS at rest after load (${size.measured_on}: ${n(size.rss_rest_mb)} MB) plus ${n(size.run_spread * 100)} % for the spread between runs, rounded up to 32 Mi.
- **Memory limit ${size.resources.limits.memory}**: 1.5 × the highest RSS under load there (${n(size.rss_peak_mb)} MB, 100 concurrent users included), rounded up to 64 Mi, and no less than the heap Node allows itself under that limit (${size.heap_floor_mb} MB at 512 Mi and below) plus about 100 MB outside the heap.

\`\`\`yaml
${yaml}
\`\`\`${now}`;
}
