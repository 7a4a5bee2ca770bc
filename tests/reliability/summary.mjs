#!/usr/bin/env node
// Prints the figures of a run (results/latest.json, or the file given) as the Markdown tables
// docs/reliability.md shows:  node tests/reliability/summary.mjs [results.json]
import { readFile } from 'node:fs/promises';

const file = process.argv[2] ?? new URL('./results/latest.json', import.meta.url);
const run = JSON.parse(await readFile(file, 'utf8'));
const byId = Object.fromEntries(run.scenarios.map((scenario) => [scenario.id, scenario]));
const row = (cells) => `| ${cells.join(' | ')} |`;
const verdict = (scenario) => (scenario.pass ? 'PASS' : '**FAIL**');
const list = (values, unit = '') =>
  (values ?? [null]).map((value) => (value === null ? 'never' : `${value}${unit}`)).join(' / ');
const kinds = (counts) =>
  Object.entries(counts)
    .map(([kind, count]) => `${kind} ×${count}`)
    .join(', ') || 'none';

const lines = [
  `${run.mode} run of ${run.started_at.slice(0, 16).replace('T', ' ')} UTC, commit ${run.commit}, ` +
    `${Math.round(run.seconds / 60)} min; ${run.machine.cpus} cores, Node ${run.machine.node}, ` +
    `load average ${run.machine.load_average_at_start[0]} at start and ` +
    `${run.machine.load_average_at_end[0]} at end; API: ${run.api_entry}. ` +
    `**${run.passed} passed, ${run.failed} failed.**`,
  '',
];

const rolling = ['rolling-chart', 'rolling-app', 'rolling-control'].filter((id) => byId[id]);
if (rolling.length) {
  lines.push(
    row([
      'Rolling restart',
      'result',
      'requests (during rollout)',
      'failed',
      'lost writes / checked',
      'p95 / p99 ms',
      'new replica ready s',
      'old replica drain s',
    ]),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:']),
  );
  for (const id of rolling) {
    const { figures: f } = byId[id];
    lines.push(
      row([
        id,
        verdict(byId[id]),
        `${f.requests} (${f.requests_during_rollout})`,
        f.failed,
        `${f.lost_writes.lost} / ${f.lost_writes.checked}`,
        `${f.latency.p95_ms} / ${f.latency.p99_ms}`,
        list(f.steps.map((step) => (step.new_ready_ms / 1000).toFixed(1))),
        list(f.steps.map((step) => (step.drainMs / 1000).toFixed(1))),
      ]),
    );
  }
  lines.push('');
}

if (byId.outage) {
  const { figures: f } = byId.outage;
  const crashed = f.replica_exits.map((exit) => `${exit.name} exit ${exit.exit}`).join(', ');
  lines.push(
    row(['Database outage', verdict(byId.outage)]),
    row(['---', '---:']),
    row(['readiness 503 after the stop (per replica)', list(f.readiness_503_after_s, ' s')]),
    row([
      'readiness 200 after the restart (per replica)',
      list(f.readiness_200_after_restart_s, ' s'),
    ]),
    row([
      'first successful request after the restart',
      `${f.first_success_after_restart_s ?? 'never'} s`,
    ]),
    row([
      'liveness failures / replicas that died',
      `${f.liveness_failures} / ${crashed || 'none'}`,
    ]),
    row([
      'requests (before / during / after)',
      `${f.requests} (${f.requests_by_phase.before} / ${f.requests_by_phase.outage} / ${f.requests_by_phase.after})`,
    ]),
    row([
      'clean 503s: count, p99, max',
      `${f.unavailable_503}, ${f.unavailable_503_latency.p99_ms} ms, ${f.unavailable_503_latency.max_ms} ms`,
    ]),
    row(['other failures', `${f.unclean_failures}: ${kinds(f.unclean_kinds)}`]),
    row(['lost writes / checked', `${f.lost_writes.lost} / ${f.lost_writes.checked}`]),
    '',
  );
}

if (byId.soak) {
  const { figures: f } = byId.soak;
  lines.push(
    row(['Soak', verdict(byId.soak)]),
    row(['---', '---:']),
    row(['users × seconds', `${f.settings.users} × ${f.settings.durationMs / 1000}`]),
    row(['requests, throughput', `${f.requests}, ${f.throughput_rps} req/s`]),
    row([
      'failed / lost writes',
      `${f.failed} / ${f.lost_writes.lost} of ${f.lost_writes.checked}`,
    ]),
    row(['failures', kinds(f.failure_kinds)]),
    row([
      'p50 / p95 / p99 / max ms',
      `${f.latency.p50_ms} / ${f.latency.p95_ms} / ${f.latency.p99_ms} / ${f.latency.max_ms}`,
    ]),
    ...Object.entries(f.ops).map(([op, o]) =>
      row([`${op}: p95 / p99 ms`, `${o.p95_ms} / ${o.p99_ms}`]),
    ),
    ...Object.entries(f.memory).map(([name, m]) =>
      row([
        `${name}: RSS idle → end (peak); heap floor 1st → 2nd half`,
        `${m.rss_idle_mib} → ${m.rss_end_mib} (${m.rss_peak_mib}) MiB; ${m.heap_floor_first_half_mib} → ${m.heap_floor_second_half_mib} MiB${m.floors_conclusive ? '' : ' (inconclusive)'}`,
      ]),
    ),
    '',
  );
}

if (byId.suites) {
  const { figures: f } = byId.suites;
  lines.push(
    `Suites (${f.files.join(', ')} on PGlite and PostgreSQL): ${verdict(byId.suites)}, ` +
      `${f.passed} passed, ${f.failed} failed, ${f.duration_s} s.`,
  );
}
console.log(lines.join('\n'));
