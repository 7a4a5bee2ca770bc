// One API replica as a child process, and its termination the way the kubelet does it:
// preStop hook, then SIGTERM, then SIGKILL when the grace period runs out.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './ports.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const OUTPUT_LIMIT = 64 * 1024;

/**
 * @param {object} options
 * @param {string} options.entry   the built API (index.js)
 * @param {string} options.name    label in reports
 * @param {Record<string,string>} options.env  DATABASE_URL, BETTER_AUTH_SECRET, SHUTDOWN_*...
 */
export async function startReplica({ entry, name, env }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [entry], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT_ENABLED: 'false', // all load comes from one address
      // Load users send without think time, far above any person's pace (and the budgets).
      USER_RATE_LIMIT_ENABLED: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-OUTPUT_LIMIT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
  const replica = {
    name,
    url,
    port,
    child,
    startedAt: Date.now(),
    exited,
    output: () => output,
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
    /** Waits until /readyz answers 200 (what a readiness probe would see). */
    async waitReady(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (!replica.running) throw new Error(`${name} exited while starting:\n${output}`);
        if ((await probe(`${url}/readyz`)) === 200) return Date.now() - replica.startedAt;
        await sleep(100);
      }
      throw new Error(`${name} not ready after ${timeoutMs} ms:\n${output}`);
    },
    /**
     * Pod deletion: `onTerminating` fires at once (the endpoint controller's view), the preStop
     * sleep runs, then SIGTERM; SIGKILL if the process outlives the grace period.
     */
    async terminate({ preStopMs, graceMs, onTerminating = () => {} }) {
      const begun = Date.now();
      onTerminating();
      await Promise.race([sleep(preStopMs), exited]);
      if (replica.running) child.kill('SIGTERM');
      const sigtermAt = Date.now();
      const left = Math.max(0, graceMs - (Date.now() - begun));
      const inTime = await Promise.race([exited.then(() => true), sleep(left).then(() => false)]);
      if (!inTime) child.kill('SIGKILL');
      const { code, signal } = await exited;
      return {
        exitCode: code,
        signal,
        killed: !inTime,
        drainMs: Date.now() - sigtermAt,
        totalMs: Date.now() - begun,
      };
    },
    /** Last resort in a finally block. */
    kill() {
      if (replica.running) child.kill('SIGKILL');
    },
  };
  return replica;
}

/** Status of one GET, 0 when the request failed; bounded by its own timeout. */
export async function probe(url, timeoutMs = 3_000) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}
