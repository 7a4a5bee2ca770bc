// Scenario 5: a bounded soak. Many users without think time for a fixed period against two
// replicas, with memory sampled from /metrics: throughput, latency percentiles, errors and
// whether memory settles or keeps growing.
import { findLostWrites } from '../lib/load.mjs';
import { startLoadedCluster } from '../lib/loaded-cluster.mjs';
import { sampleMemory, summarizeMemory } from '../lib/memory.mjs';
import { check, summarizeRecords } from '../lib/outcomes.mjs';

// A leak shows as a heap floor (the heap right after major collections) that keeps rising once
// caches and JIT have warmed up. Floors wobble by a few tens of MiB from one collection to the
// next, so only a rise beyond this in one run counts; two minutes can only catch a fast leak.
const HEAP_FLOOR_GROWTH_LIMIT_MIB = 64;

export async function soak(ctx) {
  const { quick } = ctx;
  const settings = {
    users: quick ? 10 : 50,
    durationMs: quick ? 20_000 : 120_000,
    thinkMs: 0,
    sampleEveryMs: 2_000,
  };
  // Memory growth is judged from the end of the warm-up, a quarter of the run.
  const warmupMs = settings.durationMs / 4;
  const database = 'soak';
  const { cluster, load, close } = await startLoadedCluster(ctx, {
    database,
    users: settings.users,
    thinkMs: settings.thinkMs,
  });
  let memory;
  try {
    memory = sampleMemory(cluster.replicas, settings.sampleEveryMs);
    load.start(settings.durationMs);
    const durationMs = await load.finished();
    const { samples, failures: scrapeFailures } = await memory.stop();

    const summary = summarizeRecords(load.records, durationMs);
    const lost = await findLostWrites(
      (text, values) => ctx.postgres.query(text, values, database),
      load.acknowledged,
    );
    const perReplica = summarizeMemory(samples, warmupMs);
    const memoryValues = Object.values(perReplica);
    const worstFloorGrowth = Math.max(...memoryValues.map((m) => m.heap_floor_growth_mib));
    const conclusive = memoryValues.every((m) => m.floors_conclusive);
    const figures = {
      settings: { ...settings, memory_warmup_ms: warmupMs },
      duration_s: Math.round(durationMs / 100) / 10,
      ...summary,
      lost_writes: lost,
      memory: perReplica,
      memory_scrape_failures: scrapeFailures,
      balancer: await cluster.balancer.report().then(({ events, ...report }) => ({
        ...report,
        backend_errors: events.filter((event) => event.event === 'backend_error'),
      })),
    };
    const growth = Object.entries(perReplica)
      .map(
        ([name, m]) =>
          `${name} RSS ${m.rss_idle_mib}→${m.rss_end_mib} MiB (peak ${m.rss_peak_mib}), ` +
          `heap floor ${m.heap_floor_first_half_mib}→${m.heap_floor_second_half_mib} MiB`,
      )
      .join('; ');
    const headline =
      `${settings.users} users × ${settings.durationMs / 1000} s: ${summary.requests} requests, ` +
      `${summary.throughput_rps} req/s, p95 ${summary.latency.p95_ms} ms, p99 ${summary.latency.p99_ms} ms, ` +
      `${summary.failed} failed, ${lost.lost} lost writes; ${growth}`;
    return {
      name: 'soak',
      headline,
      figures,
      checks: [
        check('failed requests = 0', summary.failed === 0, summary.failed),
        check('lost writes = 0', lost.lost === 0, lost.lost),
        // A quick run is too short for major collections in both halves: it reports, not judges.
        check(
          `heap floor growth after warm-up ≤ ${HEAP_FLOOR_GROWTH_LIMIT_MIB} MiB`,
          !conclusive || worstFloorGrowth <= HEAP_FLOOR_GROWTH_LIMIT_MIB,
          `${worstFloorGrowth} MiB${conclusive ? '' : ' (inconclusive: no major GC in one half)'}`,
        ),
      ],
    };
  } finally {
    // On the way out of a failure too: nothing may outlive its scenario.
    await memory?.stop();
    await close();
  }
}
