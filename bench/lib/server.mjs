// Runs the built API as a child process, the way a pod runs it, and times it to readiness.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';

// Fixed so sessions stay valid across restarts of the server under test; never a real secret.
export const BENCH_AUTH_SECRET = 'bench-2c9f4e7a1d6b8e3f5a0c7d2e9b4f1a6c8e3d5b7a';

/** A port nobody listens on right now (the kernel picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node <entry>` and resolves once /readyz answers 200, with the time that took.
 * Only variables we set reach the child, so a developer's own .env or shell cannot skew it.
 */
export async function startApi(options) {
  const { entry, database, webDir, logFile, logLevel = 'warn', nodeArgs = [], env = {} } = options;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const childEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: logLevel,
    AUTH_RATE_LIMIT_ENABLED: 'false',
    USER_RATE_LIMIT_ENABLED: 'false',
    BETTER_AUTH_SECRET: BENCH_AUTH_SECRET,
    DATA_DIR: database.dataDir,
    ...(database.url ? { DATABASE_URL: options.databaseUrlOverride ?? database.url } : {}),
    ...(webDir ? { WEB_DIR: webDir } : {}),
    ...env,
  };
  const log = openSync(logFile, 'a');
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    env: childEnv,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  let exited = null;
  const exit = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });

  const deadline = started + (options.readyTimeoutMs ?? 180_000);
  for (;;) {
    if (exited)
      throw new Error(`API exited (${JSON.stringify(exited)}) before ready:\n${tail(logFile)}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API not ready within the deadline:\n${tail(logFile)}`);
    }
    if (await isReady(url)) break;
    await sleep(20);
  }
  const readyMs = performance.now() - started;

  return {
    pid: child.pid,
    url,
    readyMs,
    /** SIGTERM, as Kubernetes sends it; SIGKILL if it has not exited after `graceMs`. */
    async stop(graceMs = 20_000) {
      if (exited) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exit;
      clearTimeout(timer);
      return result;
    },
  };
}

async function isReady(url) {
  try {
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

function tail(file, lines = 20) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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
