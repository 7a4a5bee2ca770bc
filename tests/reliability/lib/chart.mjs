// The shutdown and probe numbers the Helm chart deploys the API with, so the rolling restart
// replays exactly what a cluster would do; the README's defaults when the chart is absent.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

const VALUES = new URL('../../../deploy/helm/todo-chatbot/values.yaml', import.meta.url);

export async function chartTiming() {
  let api = {};
  let source = 'defaults (chart values.yaml not found)';
  try {
    api = parse(await readFile(VALUES, 'utf8'))?.api ?? {};
    source = 'deploy/helm/todo-chatbot/values.yaml';
  } catch {
    // No chart yet: fall back to the numbers the brief and README give.
  }
  const preStopMs = 1000 * (api.preStopSleepSeconds ?? 0);
  return {
    source,
    preStopMs,
    // Without a preStop hook the app itself must keep serving after SIGTERM.
    shutdownDelayMs: api.shutdownDelayMs ?? (preStopMs > 0 ? 0 : 5000),
    shutdownTimeoutMs: api.shutdownTimeoutMs ?? 10_000,
    graceMs: 1000 * (api.terminationGracePeriodSeconds ?? 30),
    readinessPeriodMs: 1000 * (api.readinessProbe?.periodSeconds ?? 5),
    readinessFailureThreshold: api.readinessProbe?.failureThreshold ?? 2,
  };
}
