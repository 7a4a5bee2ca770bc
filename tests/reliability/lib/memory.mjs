// Samples each replica's memory from its Prometheus /metrics, as a scraper would, so the soak
// can tell steady state from a leak.
import { mib } from './stats.mjs';

const GAUGES = {
  rss: /^process_resident_memory_bytes(?:\{[^}]*\})? ([0-9.e+]+)/m,
  heap: /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? ([0-9.e+]+)/m,
  majorGcs: /^nodejs_gc_duration_seconds_count\{kind="major"[^}]*\} ([0-9.e+]+)/m,
};

export async function scrapeMemory(url) {
  const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5_000) });
  const text = await response.text();
  return Object.fromEntries(
    Object.entries(GAUGES).map(([key, pattern]) => [key, Number(pattern.exec(text)?.[1] ?? 0)]),
  );
}

/** Samples every replica every `intervalMs` until `stop()`; failed scrapes are counted. */
export function sampleMemory(replicas, intervalMs) {
  const samples = new Map(replicas.map((replica) => [replica.name, []]));
  let failures = 0;
  const started = performance.now();
  const takeAll = () =>
    Promise.all(
      replicas.map(async (replica) => {
        try {
          const sample = await scrapeMemory(replica.url);
          samples.get(replica.name).push({ t: performance.now() - started, ...sample });
        } catch {
          failures++;
        }
      }),
    );
  let pending = takeAll();
  const timer = setInterval(() => {
    pending = pending.then(takeAll);
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      await takeAll();
      return { samples, failures };
    },
  };
}

/**
 * Idle, start-of-steady-state, end and peak figures per replica. Heap "used" is a sawtooth
 * that climbs until a major collection, so a leak is judged on floors: the lowest heap seen
 * in each half of the steady state. A floor only means something if a major collection ran in
 * that half; otherwise the comparison is reported as inconclusive.
 */
export function summarizeMemory(samples, warmupMs) {
  const perReplica = {};
  for (const [name, list] of samples) {
    if (list.length === 0) continue;
    const steady = list.filter((sample) => sample.t >= warmupMs);
    const from = steady[0] ?? list[0];
    const last = list[list.length - 1];
    const middle = steady.length ? (steady[0].t + last.t) / 2 : last.t;
    const halves = [
      steady.filter((sample) => sample.t < middle),
      steady.filter((sample) => sample.t >= middle),
    ];
    const floors = halves.map((half) => (half.length ? Math.min(...half.map((s) => s.heap)) : 0));
    // Major collections that ran during each half (counted from the sample before it).
    const majorGcsIn = halves.map((half, index) => {
      if (!half.length) return 0;
      const before = index === 0 ? half[0] : halves[0][halves[0].length - 1];
      return half[half.length - 1].majorGcs - (before?.majorGcs ?? half[0].majorGcs);
    });
    perReplica[name] = {
      samples: list.length,
      rss_idle_mib: mib(list[0].rss),
      rss_start_mib: mib(from.rss),
      rss_end_mib: mib(last.rss),
      rss_peak_mib: mib(Math.max(...list.map((sample) => sample.rss))),
      rss_growth_mib: mib(last.rss - from.rss),
      heap_idle_mib: mib(list[0].heap),
      heap_start_mib: mib(from.heap),
      heap_end_mib: mib(last.heap),
      heap_peak_mib: mib(Math.max(...list.map((sample) => sample.heap))),
      heap_floor_first_half_mib: mib(floors[0]),
      heap_floor_second_half_mib: mib(floors[1]),
      heap_floor_growth_mib: mib(floors[1] - floors[0]),
      major_gcs_per_half: majorGcsIn,
      floors_conclusive: majorGcsIn.every((count) => count > 0),
      // [seconds, RSS MiB, heap MiB]: small enough to keep in the results file.
      series: list.map((sample) => [
        Math.round(sample.t / 1000),
        mib(sample.rss),
        mib(sample.heap),
      ]),
    };
  }
  return perReplica;
}
