// One API replica as a child process, and its termination the way the kubelet does it:
// preStop hook, then SIGTERM, then SIGKILL when the grace period runs out.
import { freePort, sleep, startApi } from '@todo-chatbot/test-kit';

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
  const api = await startApi({
    entry,
    name,
    port,
    ready: false,
    outputLimit: OUTPUT_LIMIT,
    env: {
      NODE_ENV: 'production',
      PUBLIC_URL: url,
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT_ENABLED: 'false', // all load comes from one address
      // Load users send without think time, far above any person's pace (and the budgets).
      USER_RATE_LIMIT_ENABLED: 'false',
      ...env,
    },
  });
  const { child, exited } = api;
  const replica = {
    name,
    url,
    port,
    child,
    exited,
    output: api.output,
    get running() {
      return api.running;
    },
    /** Waits until /readyz answers 200 (what a readiness probe would see); ms since the spawn. */
    waitReady(timeoutMs = 60_000) {
      return api.waitReady('readyz', { timeoutMs, intervalMs: 100, probeTimeoutMs: 3_000 });
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
    kill: api.kill,
  };
  return replica;
}
