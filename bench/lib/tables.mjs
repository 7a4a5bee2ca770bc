// The tables of docs/performance.md made from one run (latest.json): its measurements and the
// resources derived from them. Each returns the markdown between its markers, nothing around it.
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
  return table(['', 'value'], rows);
}

/** One engine's scenarios; undefined when the run did not measure that engine. */
export function scenarios(results, engine) {
  const e = results.engines[engine];
  if (!e) return undefined;
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
  const headers = [
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
  ];
  const notes = e.notes?.length ? `\n\n${e.notes.map((note) => `- ${note}`).join('\n')}` : '';
  return `${table(headers, rows)}${notes}`;
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
  return table(
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
  );
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
  return `${table(
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
  return table(headers, rows);
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
  return table(headers, rows);
}

const HEAP_LABELS = { v8_default: 'V8 default heap' };

/** RSS and live heap of each build, at ready, at rest and under load. */
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
  for (const [name, set] of Object.entries(bundle?.heap ?? {})) {
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
  return table(
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
  );
}

/** The image's code under load (req/s / p95 ms): on the host's Node, and as a pod. */
export function imageUnderLoad(results) {
  const bundle = results.engines.postgres?.image_bundle;
  const rows = Object.entries(bundle?.heap ?? {}).map(([name, set]) => [
    `image bundle, ${HEAP_LABELS[name] ?? name}${set.node_options ? ` (\`${set.node_options}\`)` : ''}`,
    `${n(set.list.rps)} / ${ms(set.list.latency_ms.p95)}`,
    `${n(set.chat.rps, 1)} / ${ms(set.chat.latency_ms.p95)}`,
    `${n(set.users_100.rps)} / ${ms(set.users_100.latency_ms.p95)}`,
    n(set.list.cpu.server_ms_per_request, 2),
    n(set.peak_mb),
  ]);
  const pod = results.engines.postgres?.image;
  if (pod?.load) {
    const set = pod.load;
    rows.push([
      `the image in a container, \`${pod.limits}\` (V8 sizes its heap from the memory limit)`,
      `${n(set.list.rps)} / ${ms(set.list.latency_ms.p95)}`,
      `${n(set.chat.rps, 1)} / ${ms(set.chat.latency_ms.p95)}`,
      `${n(set.users_100.rps)} / ${ms(set.users_100.latency_ms.p95)}`,
      n(set.list.cpu.server_ms_per_request, 2),
      n(set.peak_mb),
    ]);
  }
  if (rows.length === 0)
    return `Image bundle not measured${bundle?.skipped ? `: ${bundle.skipped}` : ''}.`;
  return table(
    ['Build and heap', 'list', 'chat', '100 users', 'API CPU ms per list', 'peak RSS MB'],
    rows,
  );
}

/** The `resources` block sizing derives from the run (lib/sizing.mjs). */
export function resources(size) {
  if (size.missing) return `Not derived: the run lacks ${size.missing.join(', ')}.`;
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
  return `\`\`\`yaml\n${yaml}\n\`\`\``;
}
