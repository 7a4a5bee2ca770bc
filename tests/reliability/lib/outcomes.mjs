// Turns the load's records into the figures a scenario reports.
import { latencySummary } from './stats.mjs';

export function summarizeRecords(records, durationMs) {
  const failed = records.filter((record) => !record.ok);
  const byOp = {};
  for (const record of records) {
    byOp[record.op] ??= { requests: 0, failed: 0, latencies: [] };
    byOp[record.op].requests++;
    if (!record.ok) byOp[record.op].failed++;
    byOp[record.op].latencies.push(record.ms);
  }
  const ops = Object.fromEntries(
    Object.entries(byOp).map(([op, { requests, failed, latencies }]) => [
      op,
      { requests, failed, ...latencySummary(latencies) },
    ]),
  );
  return {
    requests: records.length,
    failed: failed.length,
    resent_after_closed_keep_alive: records.filter((record) => record.resent).length,
    throughput_rps: Math.round((records.length / (durationMs / 1000)) * 10) / 10,
    latency: latencySummary(records.map((record) => record.ms)),
    ops,
    failure_kinds: countBy(failed, (record) =>
      `${record.op} ${record.status} ${record.code ?? ''}`.trim(),
    ),
    failure_samples: failed.slice(0, 10).map(describe),
  };
}

export function countBy(list, key) {
  const counts = {};
  for (const item of list) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

export const describe = (record) => ({
  at_ms: Math.round(record.t),
  op: record.op,
  status: record.status,
  code: record.code,
  ms: Math.round(record.ms),
  backend: record.backend,
});

/** One named pass/fail condition with the figure it was judged on. */
export const check = (name, pass, value) => ({ name, pass: Boolean(pass), value });
