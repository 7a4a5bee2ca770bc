// Cold start: from spawning the process to the first 200 from /readyz, as a pod's readiness
// probe would first see it. The median of several starts, since single starts vary widely here.
import { spawn } from 'node:child_process';
import { freePort, probe, waitFor } from '@todo-chatbot/test-kit';
import { mb } from './load.mjs';
import { rssBytes } from './proc.mjs';

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Starts and stops the API `runs` times; `start()` returns a server from startApi. */
export async function coldStarts(start, runs) {
  const samples = [];
  const rss = [];
  for (let i = 0; i < runs; i += 1) {
    const server = await start();
    samples.push(server.readyMs);
    // Memory right at readiness: what a fresh replica holds before its first request.
    rss.push(rssBytes(server.pid) ?? 0);
    await server.stop();
  }
  return {
    runs,
    median_ms: Math.round(median(samples)),
    min_ms: Math.round(Math.min(...samples)),
    max_ms: Math.round(Math.max(...samples)),
    samples_ms: samples.map((value) => Math.round(value)),
    rss_at_ready_mb: mb(median(rss)),
  };
}

/**
 * The floor for cold start on this machine at this moment: a bare node:http process from spawn
 * to its first 200. Our start minus this is what the app itself spends becoming ready.
 */
export async function bareNodeColdStarts(runs) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const port = await freePort();
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [new URL('./bare-server.mjs', import.meta.url).pathname],
      {
        env: { PORT: String(port) },
        stdio: 'ignore',
      },
    );
    try {
      await waitFor(
        'the bare server',
        async () => (await probe(`http://127.0.0.1:${port}/`)) === 200,
        {
          timeoutMs: 60_000,
          intervalMs: 5,
        },
      );
      samples.push(performance.now() - started);
    } finally {
      child.kill('SIGTERM');
    }
  }
  return { runs, median_ms: Math.round(median(samples)), samples_ms: samples.map(Math.round) };
}
