// The image as a pod runs it: `podman run` with the chart's limits (memory and CPU), timed from
// `podman run` to ready, then loaded like the other builds. Its node process is visible from
// the host, so memory and CPU are read from /proc exactly as for the others.
import { execFileSync, spawn } from 'node:child_process';
import { freePort, waitForReady } from '@todo-chatbot/test-kit';
import { chartPodLimits } from './chart.mjs';
import { median } from './cold-start.mjs';
import { mb } from './load.mjs';
import { round, rssBytes } from './proc.mjs';
import { BENCH_AUTH_SECRET } from './server.mjs';

export const IMAGE = process.env.BENCH_IMAGE ?? 'localhost/todo-chatbot-api:0.1.0';
// The chart's current api.resources.limits; BENCH_POD_LIMITS="--memory=768m --cpus=2" to try others.
export const POD_LIMITS = process.env.BENCH_POD_LIMITS?.split(' ') ??
  chartPodLimits() ?? ['--memory=384m', '--cpus=1'];

export function imageAvailable() {
  try {
    execFileSync('podman', ['image', 'exists', IMAGE], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/** Starts the image on PostgreSQL; resolves when /readyz answers, with the container's pid. */
export async function startPod(databaseUrl, { limits = POD_LIMITS, name } = {}) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    'podman',
    [
      'run',
      '--rm',
      '--name',
      name,
      // As tests/containers/run.sh runs it here: host network, explicit limits (podman's
      // defaults exceed this machine's hard limits), no healthcheck timer (needs systemd).
      '--network=host',
      '--read-only-tmpfs=false',
      '--ulimit',
      'nofile=4096:4096',
      '--ulimit',
      'nproc=4096:4096',
      '--no-healthcheck',
      ...limits,
      '-e',
      `PORT=${port}`,
      '-e',
      'HOST=127.0.0.1',
      '-e',
      'LOG_LEVEL=warn',
      '-e',
      'AUTH_RATE_LIMIT_ENABLED=false',
      '-e',
      'USER_RATE_LIMIT_ENABLED=false',
      '-e',
      `DATABASE_URL=${databaseUrl}`,
      '-e',
      `BETTER_AUTH_SECRET=${BENCH_AUTH_SECRET}`,
      IMAGE,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForReady(url, {
    timeoutMs: 120_000,
    intervalMs: 20,
    alive: () => {
      if (child.exitCode !== null)
        throw new Error(
          `container exited with ${child.exitCode}: ${stderr.trim().split('\n').at(-1)}`,
        );
    },
  });
  const readyMs = performance.now() - started;
  const pid = Number(
    execFileSync('podman', ['inspect', '--format', '{{.State.Pid}}', name], {
      encoding: 'utf8',
    }).trim(),
  );
  return {
    url,
    pid,
    readyMs,
    async stop() {
      try {
        execFileSync('podman', ['stop', '-t', '20', name], { stdio: 'ignore', timeout: 60_000 });
      } catch {
        // Already gone.
      }
      await new Promise((resolve) =>
        child.exitCode !== null ? resolve() : child.once('exit', resolve),
      );
    },
  };
}

/**
 * The heap limit Node gives V8 inside the image under each memory limit: Node sizes the heap
 * from the cgroup limit, with a floor, and that decides how small a limit is safe.
 */
export function heapLimits(limitsMi = [256, 384, 512, 768, 1024]) {
  const result = {};
  for (const mi of limitsMi) {
    try {
      const out = execFileSync(
        'podman',
        [
          'run',
          '--rm',
          '--network=host',
          '--ulimit',
          'nofile=4096:4096',
          '--ulimit',
          'nproc=4096:4096',
          '--no-healthcheck',
          `--memory=${mi}m`,
          '--entrypoint',
          '/nodejs/bin/node',
          IMAGE,
          '-e',
          "console.log(require('v8').getHeapStatistics().heap_size_limit)",
        ],
        { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] },
      );
      result[mi] = mb(Number(out.trim()));
    } catch {
      // An image without /nodejs/bin/node, or no memory controller: leave it out.
    }
  }
  return result;
}

/** Cold starts of the image (median of `runs`), then the load set on one pod. */
export async function measurePod({ databaseUrl, runs, loadSet, log }) {
  if (!imageAvailable()) return { skipped: `${IMAGE} is not built on this machine` };
  const samples = [];
  const rss = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const pod = await startPod(databaseUrl, { name: `bench-cold-${process.pid}-${i}` });
      samples.push(pod.readyMs);
      rss.push(rssBytes(pod.pid) ?? 0);
      await pod.stop();
    }
  } catch (error) {
    return { skipped: `image start failed: ${error.message}` };
  }
  const result = {
    image: IMAGE,
    limits: POD_LIMITS.join(' '),
    cold_start: {
      runs,
      median_ms: Math.round(median(samples)),
      samples_ms: samples.map((value) => round(value, 0)),
      rss_at_ready_mb: mb(median(rss)),
    },
  };
  log(`image: cold start median ${result.cold_start.median_ms} ms`);
  result.heap_limits_mb = heapLimits();
  log(
    `image: V8 heap limit by container memory limit (Mi: MB) ${JSON.stringify(result.heap_limits_mb)}`,
  );
  const pod = await startPod(databaseUrl, { name: `bench-pod-${process.pid}` });
  try {
    result.load = await loadSet(pod);
  } finally {
    await pod.stop();
  }
  log(
    `image under ${result.limits}: list ${result.load.list.rps} rps, peak RSS ${result.load.peak_mb} MB`,
  );
  return result;
}
