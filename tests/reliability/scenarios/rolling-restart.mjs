// Scenario 1: replace both replicas one by one under steady load; count failed requests and
// acknowledged writes that did not survive.
import { sleep } from '@todo-chatbot/test-kit';
import { findLostWrites } from '../lib/load.mjs';
import { startLoadedCluster } from '../lib/loaded-cluster.mjs';
import { check, summarizeRecords } from '../lib/outcomes.mjs';

/**
 * @param {object} ctx  shared run context (see run.mjs)
 * @param {object} variant
 * @param {string} variant.name
 * @param {'chart'|'app'|'control'} variant.mode  `chart`: preStop sleep, endpoint removal, the
 *   chart's SHUTDOWN_* values. `app`: no preStop and no endpoint notice, so only the app's own
 *   SHUTDOWN_DELAY_MS and failing readiness keep the balancer away, as under plain Docker,
 *   systemd or a load balancer that only health-checks. `control`: like `app` with no delay at
 *   all, which must drop requests; it proves the harness can see them.
 */
export async function rollingRestart(ctx, { name, mode }) {
  const { timing, quick } = ctx;
  const settings = {
    users: quick ? 8 : 20,
    thinkMs: 20,
    warmupMs: quick ? 3_000 : 10_000,
    cooldownMs: quick ? 3_000 : 10_000,
    endpointLagMs: 1_000,
    probeIntervalMs: 500,
  };
  const shutdown =
    mode === 'chart'
      ? {
          preStopMs: timing.preStopMs,
          graceMs: timing.graceMs,
          endpointLagMs: settings.endpointLagMs,
          announce: true,
          env: { SHUTDOWN_DELAY_MS: String(timing.shutdownDelayMs) },
        }
      : {
          preStopMs: 0,
          graceMs: timing.graceMs,
          endpointLagMs: 0,
          announce: false,
          env: { SHUTDOWN_DELAY_MS: mode === 'control' ? '0' : '5000' },
        };
  const database = `rolling_${mode}`;
  const { cluster, load, close } = await startLoadedCluster(ctx, {
    database,
    users: settings.users,
    thinkMs: settings.thinkMs,
    env: { SHUTDOWN_TIMEOUT_MS: String(timing.shutdownTimeoutMs), ...shutdown.env },
    balancer: { probeIntervalMs: settings.probeIntervalMs },
  });
  try {
    // Bounded whatever happens: the rollout itself can take at most 2 x (start + grace).
    load.start(settings.warmupMs + settings.cooldownMs + 2 * (60_000 + timing.graceMs));
    await sleep(settings.warmupMs);
    const rolloutStartedMs = load.elapsedMs();
    const steps = await cluster.rollingRestart(shutdown);
    const rolloutEndedMs = load.elapsedMs();
    await sleep(settings.cooldownMs);
    const durationMs = await load.stop();

    const summary = summarizeRecords(load.records, durationMs);
    const lost = await findLostWrites(
      (text, values) => ctx.postgres.query(text, values, database),
      load.acknowledged,
    );
    const figures = {
      mode,
      settings: { ...settings, shutdown: { ...shutdown, env: undefined, ...shutdown.env } },
      duration_s: Math.round(durationMs / 100) / 10,
      rollout_window_s: [rolloutStartedMs, rolloutEndedMs].map((ms) => Math.round(ms / 100) / 10),
      ...summary,
      requests_during_rollout: load.records.filter(
        (record) => record.t >= rolloutStartedMs && record.t <= rolloutEndedMs,
      ).length,
      lost_writes: lost,
      steps,
      balancer: await cluster.balancer.report(),
    };
    const oldExits = steps
      .map(
        (step) =>
          `${step.name}: exit ${step.exitCode ?? step.signal}${step.killed ? ' (killed)' : ''}`,
      )
      .join(', ');
    const headline =
      `${summary.requests} requests (${figures.requests_during_rollout} during the rollout), ` +
      `${summary.failed} failed, ${lost.lost} lost writes of ${lost.checked}, ` +
      `p95 ${summary.latency.p95_ms} ms, p99 ${summary.latency.p99_ms} ms; ` +
      `new replicas ready in ${steps.map((step) => `${(step.new_ready_ms / 1000).toFixed(1)} s`).join(' / ')}`;
    if (mode === 'control') {
      // The negative control: no drain at all must show up as failures, or the harness is blind.
      return {
        name,
        headline,
        figures,
        checks: [
          check(
            'the harness sees the requests a drain-less restart drops (failed > 0)',
            summary.failed > 0,
            summary.failed,
          ),
          check('lost writes = 0', lost.lost === 0, lost.lost),
        ],
      };
    }
    return {
      name,
      headline,
      figures,
      checks: [
        check('failed requests = 0', summary.failed === 0, summary.failed),
        check('lost writes = 0', lost.lost === 0, lost.lost),
        check(
          'old replicas exit 0 within the grace period',
          steps.every((step) => step.exitCode === 0 && !step.killed),
          oldExits,
        ),
        check(
          'load kept flowing during the rollout',
          figures.requests_during_rollout > 0,
          figures.requests_during_rollout,
        ),
      ],
    };
  } finally {
    await close(); // on the way out of a failure too
  }
}
