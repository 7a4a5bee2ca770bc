// Summaries of client-side timings: the figures the report prints.

/** Nearest-rank percentile of an unsorted list of numbers; 0 for an empty list. */
export function percentile(values, p) {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function latencySummary(values) {
  const round = (value) => Math.round(value * 10) / 10;
  return {
    count: values.length,
    p50_ms: round(percentile(values, 50)),
    p95_ms: round(percentile(values, 95)),
    p99_ms: round(percentile(values, 99)),
    max_ms: round(values.reduce((max, value) => (value > max ? value : max), 0)),
  };
}

export const mib = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
