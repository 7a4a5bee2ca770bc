// Runs the built API as a child process, the way a pod runs it, and times it to readiness.
import { readFileSync, rmSync } from 'node:fs';
import { sleep, startApi as startChild } from '@todo-chatbot/test-kit';

// engine-run.mjs and image-bundle.mjs pace their runs with it.
export { sleep };

// Fixed so sessions stay valid across restarts of the server under test; never a real secret.
export const BENCH_AUTH_SECRET = 'bench-2c9f4e7a1d6b8e3f5a0c7d2e9b4f1a6c8e3d5b7a';

/**
 * Starts `node <entry>` and resolves once /readyz answers 200, with the time that took.
 * Only variables we set reach the child, so a developer's own .env or shell cannot skew it.
 */
export async function startApi(options) {
  const { entry, database, webDir, logFile, logLevel = 'warn', nodeArgs = [], env = {} } = options;
  const server = await startChild({
    entry,
    nodeArgs,
    logFile,
    env: {
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: logLevel,
      AUTH_RATE_LIMIT_ENABLED: 'false',
      USER_RATE_LIMIT_ENABLED: 'false',
      BETTER_AUTH_SECRET: BENCH_AUTH_SECRET,
      DATA_DIR: database.dataDir,
      ...(database.url ? { DATABASE_URL: options.databaseUrlOverride ?? database.url } : {}),
      ...(webDir ? { WEB_DIR: webDir } : {}),
      ...env,
    },
    timeoutMs: options.readyTimeoutMs ?? 180_000,
    intervalMs: 20,
  });
  return {
    pid: server.pid,
    url: server.url,
    readyMs: server.readyMs,
    /** SIGTERM, as Kubernetes sends it; SIGKILL if it has not exited after `graceMs`. */
    stop: (graceMs = 20_000) => server.stop(graceMs),
  };
}

export const HEAP_PROBE_ARGS = [
  '--expose-gc',
  '--import',
  new URL('./heap-probe.mjs', import.meta.url).pathname,
];

/** Live memory after a full GC, from a server started with HEAP_PROBE_ARGS and BENCH_HEAP_FILE. */
export async function liveMemory(server, heapFile) {
  rmSync(heapFile, { force: true });
  process.kill(server.pid, 'SIGUSR2');
  for (let i = 0; i < 100; i += 1) {
    await sleep(50);
    try {
      return JSON.parse(readFileSync(heapFile, 'utf8'));
    } catch {
      // Not written yet.
    }
  }
  return undefined;
}
