// The analysis blocks of docs/performance.md: census, plans, logging, CPU profiles, experiments,
// before and after. Each returns the markdown between its markers, nothing around it.
import { change, ENGINE_NAMES, engines, ms, n, SCENARIO_ORDER, table } from './markdown.mjs';

export function census(results) {
  const c = results.engines.postgres?.census;
  if (!c) return undefined;
  const rows = Object.entries(c).map(([name, r]) => [
    name,
    n(r.statements, 1),
    n(r.round_trips, 1),
    Object.entries(r.by_statement)
      .map(([statement, count]) => `${statement} ×${n(count, count % 1 ? 1 : 0)}`)
      .join(', '),
  ]);
  return table(['Scenario', 'statements', 'round trips', 'statements by table'], rows);
}

export function explain(results) {
  const parts = [];
  for (const engine of engines(results)) {
    const plans = results.engines[engine].explain_10000;
    if (!plans) continue;
    parts.push(
      `**${ENGINE_NAMES[engine]}**, page:\n\n\`\`\`\n${plans.page.join('\n')}\n\`\`\`\n\ntotal:\n\n\`\`\`\n${plans.total.join('\n')}\n\`\`\``,
    );
  }
  return parts.length ? parts.join('\n\n') : undefined;
}

export function logging(results) {
  const e = results.engines.postgres;
  if (!e?.logging_info) return undefined;
  const rows = ['list', 'create'].flatMap((name) => {
    const warn = e.scenarios[name];
    const info = e.logging_info[name];
    if (!warn || !info) return [];
    return [
      [
        `${name}, LOG_LEVEL=warn`,
        n(warn.rps),
        ms(warn.latency_ms.p95),
        n(warn.cpu.server_ms_per_request, 3),
      ],
      [
        `${name}, LOG_LEVEL=info`,
        n(info.rps),
        ms(info.latency_ms.p95),
        n(info.cpu.server_ms_per_request, 3),
      ],
    ];
  });
  return table(['Scenario', 'req/s', 'p95 ms', 'API CPU ms/req'], rows);
}

/** The summaries of `node bench/profile.mjs` (profile-<engine>.json), scenario by scenario. */
export function profile(data) {
  const parts = [];
  for (const [name, p] of Object.entries(data.profiles)) {
    const top = (list, count) =>
      list
        .filter((entry) => entry.name !== '(root)')
        .slice(0, count)
        .map((entry) => `${entry.name.trim().replace(/\s+/g, ' ')} ${entry.percent} %`)
        .join('; ');
    parts.push(
      `**${name}**${p.ready_ms ? ` (ready in ${n(p.ready_ms)} ms)` : ` (${n(p.requests)} requests)`}: busy ${n(p.busy_ms)} ms.\n\n- self time by function: ${top(p.self_functions, 8)}\n- self time by package: ${top(p.self_packages, 8)}\n- on the stack: ${top(p.inclusive_packages, 10)}`,
    );
  }
  return parts.join('\n\n');
}

const COMPARISON = [
  'Engine',
  'Scenario',
  'req/s before',
  'req/s after',
  'p95 before',
  'p95 after',
  'CPU ms/req before',
  'CPU ms/req after',
  'CPU change',
];

/** One experiment (experiments/<name>.json): the unpatched build against the patched one. */
export function experiment(experiment) {
  const rows = [];
  for (const engine of Object.keys(experiment.patched.engines)) {
    const control = experiment.control.engines[engine];
    const patched = experiment.patched.engines[engine];
    const pairs = [
      ...Object.keys(patched.scenarios).map((name) => [
        patched.scenarios[name].title,
        control.scenarios[name],
        patched.scenarios[name],
      ]),
      ...Object.keys(patched.scaling?.tasks ?? {}).map((level) => [
        `list, ${n(level)} tasks/user`,
        control.scaling.tasks[level],
        patched.scaling.tasks[level],
      ]),
      ...Object.keys(patched.scaling?.users ?? {}).map((level) => [
        `list, ${level} user${level === '1' ? '' : 's'}`,
        control.scaling.users[level],
        patched.scaling.users[level],
      ]),
    ];
    for (const name of Object.keys(patched.logging_info ?? {})) {
      pairs.push([
        `${name}, LOG_LEVEL=info`,
        control.logging_info?.[name],
        patched.logging_info[name],
      ]);
    }
    if (patched.cold_start && control.cold_start) {
      rows.push(
        figureRow(
          engine,
          'cold start (median ms)',
          control.cold_start.median_ms,
          patched.cold_start.median_ms,
        ),
      );
    }
    for (const [label, before, after] of pairs) {
      if (before && after) rows.push(runRow(engine, label, before, after));
    }
  }
  return table(COMPARISON, rows);
}

/** A before/after row of two load runs in the nine-column comparison tables. */
function runRow(engine, label, before, after) {
  return [
    ENGINE_NAMES[engine],
    label,
    n(before.rps),
    n(after.rps),
    ms(before.latency_ms.p95),
    ms(after.latency_ms.p95),
    n(before.cpu.server_ms_per_request, 2),
    n(after.cpu.server_ms_per_request, 2),
    change(before.cpu.server_ms_per_request, after.cpu.server_ms_per_request, true),
  ];
}

/** A before/after row of one figure (lower is better) in the nine-column comparison tables. */
function figureRow(engine, label, before, after) {
  return [
    ENGINE_NAMES[engine],
    label,
    n(before),
    n(after),
    '',
    '',
    '',
    '',
    change(before, after, true),
  ];
}

/** The first full run (before.json) against this one. */
export function beforeAfter(before, latest) {
  const rows = [];
  for (const engine of engines(latest)) {
    const a = before.engines[engine];
    const b = latest.engines[engine];
    if (!a || !b) continue;
    for (const name of SCENARIO_ORDER) {
      const x = a.scenarios[name];
      const y = b.scenarios[name];
      if (x && y) rows.push(runRow(engine, x.title, x, y));
    }
    rows.push(
      figureRow(engine, 'cold start (median ms)', a.cold_start?.median_ms, b.cold_start?.median_ms),
      figureRow(
        engine,
        'memory at ready (MB)',
        a.cold_start?.rss_at_ready_mb,
        b.cold_start?.rss_at_ready_mb,
      ),
    );
  }
  return table(COMPARISON, rows);
}
