// One bounded load run: autocannon in this process against a server in another, with our own
// latency record (autocannon's histogram has no p95) and the server's memory and CPU sampled.
import autocannon from 'autocannon';
import { loadAverage, round, startSampler } from './proc.mjs';

/**
 * `target` is what autocannon takes (url, method, path, headers, body, requests, setupClient);
 * `pid` is the server's process; `extraCpu` optionally reports CPU seconds of helper processes
 * (PostgreSQL backends) so the cost of a request can be split between app and database.
 */
export async function measure({ target, seconds, connections, pid, warmupSeconds = 1, extraCpu }) {
  // Warm the JIT, the connection pool and the caches first; those requests are not counted.
  if (warmupSeconds > 0) await autocannon({ ...target, connections, duration: warmupSeconds });

  const latencies = [];
  const load = { start: loadAverage() };
  const sampler = startSampler(pid);
  const extraBefore = await extraCpu?.before();
  const started = performance.now();
  const instance = autocannon({ ...target, connections, duration: seconds });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  const server = sampler.stop();
  const extraSeconds = extraBefore === undefined ? undefined : await extraCpu.after(extraBefore);
  load.end = loadAverage();

  const ok = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => code.startsWith('2'))
    .reduce((sum, [, { count }]) => sum + Number(count), 0);
  const errors = result.errors + result.timeouts + result.non2xx + result.mismatches;
  const cpuMsPerRequest = latencies.length ? (server.cpu_seconds * 1000) / latencies.length : 0;
  return {
    connections,
    seconds: round(elapsed, 2),
    requests: latencies.length,
    rps: round(ok / elapsed, 1),
    latency_ms: percentiles(latencies),
    errors,
    error_detail: {
      connection: result.errors,
      timeouts: result.timeouts,
      non_2xx: result.non2xx,
      mismatches: result.mismatches,
      status: Object.fromEntries(
        Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
      ),
    },
    bytes_per_response: latencies.length
      ? Math.round(result.throughput.total / latencies.length)
      : 0,
    memory: {
      rss_start_mb: mb(server.rss_start_bytes),
      rss_peak_mb: mb(server.rss_peak_bytes),
      rss_end_mb: mb(server.rss_end_bytes),
      samples: server.samples,
    },
    cpu: {
      server_cores: server.cpu_cores,
      server_ms_per_request: round(cpuMsPerRequest, 3),
      ...(extraSeconds === undefined
        ? {}
        : {
            database_cores: round(extraSeconds / elapsed, 2),
            database_ms_per_request: round(
              (extraSeconds * 1000) / Math.max(1, latencies.length),
              3,
            ),
          }),
    },
    loadavg: load,
  };
}

export function percentiles(values) {
  if (values.length === 0) return { p50: null, p95: null, p99: null, max: null };
  const sorted = Float64Array.from(values).sort();
  // Nearest rank: the smallest value with at least p% of the observations at or below it.
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return {
    p50: round(at(50), 2),
    p95: round(at(95), 2),
    p99: round(at(99), 2),
    max: round(sorted[sorted.length - 1], 2),
  };
}

export const mb = (bytes) => round(bytes / 1024 / 1024, 1);
