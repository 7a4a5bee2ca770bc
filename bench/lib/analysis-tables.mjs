// Markdown tables for docs/performance.md: the analysis (census, plans, logging, profiles,
// experiments, before and after).
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
  return `## Database work per request\n\nCounted on the wire by a proxy between the API and PostgreSQL (\`bench/lib/pg-census.mjs\`), averaged over 20 sequential requests after one warm-up request. It needs no server configuration and shows N+1 patterns directly.\n\n${table(['Scenario', 'statements', 'round trips', 'statements by table'], rows)}`;
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
  if (!parts.length) return undefined;
  return `## The list query at 10,000 tasks (EXPLAIN ANALYZE)\n\nThe two statements of \`GET /api/me/tasks?limit=100\` for the user with 10,000 tasks, just after seeding (PostgreSQL vacuumed and analysed as autovacuum would; PGlite as it is, since it runs no autovacuum).\n\n${parts.join('\n\n')}`;
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
  return `## Logging cost\n\nThe same scenarios on PostgreSQL with one JSON request line per request (\`LOG_LEVEL=info\`, the default; stdout to a file as a container runtime would collect it) against \`warn\`.\n\n${table(['Scenario', 'req/s', 'p95 ms', 'API CPU ms/req'], rows)}`;
}

export function profile(data) {
  if (!data) return undefined;
  const parts = [
    `## CPU profiles\n\n\`node bench/profile.mjs\` (${data.taken_at}, ${ENGINE_NAMES[data.engine]}, ${data.seconds} s per scenario at 10 connections): the server's inspector profiles only the measured window. Self time is where the CPU was; "on the stack" counts a sample for every package anywhere in its call stack, which is what a fix in that package could save.`,
  ];
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

/** `availablePatches`: the patch names still in bench/experiments (the others were applied). */
export function experiments(list, availablePatches) {
  if (!list.length) return undefined;
  const parts = [
    '## Proposed fixes, measured on patched builds',
    'Each fix is a patch in `bench/experiments/`, applied to a copy of `apps/api` and built by its `build.mjs`; `node bench/experiment.mjs <name>` runs the unpatched and the patched build back to back on fresh databases (same scenarios, same seeds), changing nothing under `apps/`. The fixes that held up were then applied to `apps/`, and their patches removed from `bench/experiments/` (they no longer apply; the results below keep their descriptions).',
  ];
  for (const experiment of list) {
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
        if (!before || !after) continue;
        rows.push([
          ENGINE_NAMES[engine],
          label,
          n(before.rps),
          n(after.rps),
          ms(before.latency_ms.p95),
          ms(after.latency_ms.p95),
          n(before.cpu.server_ms_per_request, 2),
          n(after.cpu.server_ms_per_request, 2),
          change(before.cpu.server_ms_per_request, after.cpu.server_ms_per_request, true),
        ]);
      }
    }
    const census = censusChange(experiment);
    const o = experiment.control.options;
    const invocation = `${o.seconds === 8 ? '' : `BENCH_DURATION=${o.seconds} `}node bench/experiment.mjs ${experiment.patches.join(' ')} --name=${experiment.name} --engines=${o.engines.join(',')} --only=${o.phases.join(',')} --scenarios=${o.scenarios.join(',')}`;
    const applied = experiment.patches.filter((name) => !availablePatches.has(name));
    const command = applied.length
      ? `\n\nMeasured with \`${invocation}\` (${experiment.control.started_at.slice(0, 16)}Z), before ${applied.map((name) => `\`${name}\``).join(', ')} ${applied.length === 1 ? 'was' : 'were'} applied to \`apps/\`.`
      : `\n\nReproduce: \`${invocation}\` (${experiment.control.started_at.slice(0, 16)}Z).`;
    parts.push(
      `### ${experiment.name}\n\n${experiment.description}${census}${command}\n\n${table(['Engine', 'Scenario', 'req/s before', 'req/s after', 'p95 before', 'p95 after', 'CPU ms/req before', 'CPU ms/req after', 'CPU change'], rows)}`,
    );
  }
  return parts.join('\n\n');
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

/** Statements per request before and after, from the PostgreSQL census of both runs. */
function censusChange(experiment) {
  const before = experiment.control.engines.postgres?.census;
  const after = experiment.patched.engines.postgres?.census;
  if (!before || !after) return '';
  const parts = Object.keys(after)
    .filter((name) => before[name])
    .map((name) => `${name} ${n(before[name].statements, 1)} → ${n(after[name].statements, 1)}`);
  return `\n\nStatements per request (PostgreSQL census): ${parts.join(', ')}.`;
}

export function beforeAfter(before, latest) {
  if (!before) {
    return '## Before and after\n\nNo `bench/results/before.json` yet: copy a full run there (`cp bench/results/latest.json bench/results/before.json`) before changing the API, and the next `npm run bench` shows both here.';
  }
  const same = before.build.api_sha256 === latest.build.api_sha256;
  const rows = [];
  for (const engine of engines(latest)) {
    const a = before.engines[engine];
    const b = latest.engines[engine];
    if (!a || !b) continue;
    for (const name of SCENARIO_ORDER) {
      const x = a.scenarios[name];
      const y = b.scenarios[name];
      if (!x || !y) continue;
      rows.push([
        ENGINE_NAMES[engine],
        x.title,
        n(x.rps),
        n(y.rps),
        ms(x.latency_ms.p95),
        ms(y.latency_ms.p95),
        n(x.cpu.server_ms_per_request, 2),
        n(y.cpu.server_ms_per_request, 2),
        change(x.cpu.server_ms_per_request, y.cpu.server_ms_per_request, true),
      ]);
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
  const note = same
    ? `Both runs measured the same bundle (sha256 ${latest.build.api_sha256}…), so the differences below are this machine's run-to-run noise, not code changes: read them as the error bars of every other table.`
    : `Before: bundle ${before.build.api_sha256}… (commit ${before.machine.git_commit}, ${before.started_at}); after: bundle ${latest.build.api_sha256}… (commit ${latest.machine.git_commit}, ${latest.started_at}). Whatever changed in between, differences of this size also arise between runs of one build on this machine (see the repeated list run), so a code change shows reliably only in a back-to-back experiment.`;
  return `## Before and after\n\n${note}\n\n${table(['Engine', 'Scenario', 'req/s before', 'req/s after', 'p95 before', 'p95 after', 'CPU ms/req before', 'CPU ms/req after', 'CPU change'], rows)}`;
}
