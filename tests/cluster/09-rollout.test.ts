// Zero-downtime rolling updates on the real cluster: three API replicas under a steady, bounded
// load through the ingress and through a Service, restarted one by one, then the web app; and a
// control run without the preStop delay, which must drop requests, so the check can fail.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chartPath,
  component,
  fullName,
  helm,
  kubectl,
  namespace,
  rolloutStatus,
  sleep,
  upgradeRelease,
  waitFor,
} from './support/cluster.ts';
import { record } from './support/figures.ts';
import { clusterLoad, lostWrites, podUsage, summary } from './support/load.ts';

const API = `deployment/${fullName('api')}`;
const WEB = `deployment/${fullName('web')}`;
const USERS = 6;
/** The load's hard limit, whatever happens to the rollouts. */
const MAX_LOAD_MS = 240_000;

async function upgrade(sets: string[]): Promise<void> {
  await upgradeRelease(sets.flatMap((s) => ['--set', s]));
  await rolloutStatus(API, 180);
  await rolloutStatus(WEB, 180);
}

async function restart(workload: string): Promise<number> {
  const started = Date.now();
  await kubectl(['-n', namespace, 'rollout', 'restart', workload]);
  await rolloutStatus(workload, 240);
  return (Date.now() - started) / 1000;
}

/** Each pod's CPU and memory, once metrics-server reports every pod of the component. */
async function recordUsage(when: string): Promise<void> {
  for (const [name, pods] of [
    ['API', 3],
    ['web', 1],
    ['PostgreSQL', 1],
  ] as const) {
    const selector = component(name === 'PostgreSQL' ? 'postgresql' : name.toLowerCase());
    const usage = await waitFor(
      `metrics for ${pods} ${name} pod(s)`,
      async () => {
        const found = await podUsage(selector);
        return found.length === pods ? found : undefined;
      },
      90_000,
      5000,
    );
    record(
      `${name} ${when}: CPU / memory per pod`,
      usage.map((u) => `${u.cpuMillicores}m / ${u.memoryMiB}Mi`).join(', '),
    );
  }
}

/** kube-proxy's own histogram: the bucket that holds every endpoint change it has programmed. */
async function slowestProgramming(): Promise<string> {
  const metrics = await (await fetch('http://127.0.0.1:10249/metrics')).text();
  const buckets = [
    ...metrics.matchAll(
      /^kubeproxy_network_programming_duration_seconds_bucket\{ip_family="IPv4",le="([^"]+)"\} (\d+)/gm,
    ),
  ];
  const total = Number(buckets.find(([, le]) => le === '+Inf')?.[2] ?? 0);
  const first = buckets.find(([, , count]) => Number(count) === total);
  return `≤ ${first?.[1]} (${total} changes)`;
}

beforeAll(async () => {
  // Every simulated user signs up from this one machine: the per-address sign-in limit would
  // refuse them (as the reliability suite does, for the same reason). The NetworkPolicies are off
  // here: with kube-router enforcing them, one run of four dropped 9 requests around freshly started
  // pods, whose firewall rules kube-router programs asynchronously (07-network-policy.test.ts
  // tests the policies themselves).
  await upgrade([
    'api.replicaCount=3',
    'config.authRateLimit.signInMax=1000',
    'networkPolicy.enabled=false',
  ]);
});

describe('rolling restart under load', () => {
  it('restarting the API, then the web app, fails no request and loses no acknowledged write', async () => {
    const { load, close } = await clusterLoad('rollout', USERS);
    try {
      await recordUsage('at rest');
      load.start(MAX_LOAD_MS);
      // metrics-server reports over a 15 s window: let the load fill one before reading it.
      await sleep(20_000);
      await recordUsage('under load');
      const apiSeconds = await restart(API);
      await sleep(5000);
      const webSeconds = await restart(WEB);
      await sleep(5000);
      const duration = await load.stop();
      const result = summary(load, duration);
      const lost = await lostWrites(load);
      console.log('rollout under load:', JSON.stringify({ ...result, lost }, null, 2));
      record('rollout: requests (through the ingress and the web Service)', result.requests);
      record('rollout: failed requests', result.failed);
      record('rollout: acknowledged writes checked / lost', `${lost.checked} / ${lost.lost}`);
      record('rollout: throughput', result.throughput_rps, 'req/s');
      record(
        'rollout: latency p95 / p99',
        `${Math.round(result.latency.p95_ms)} / ${Math.round(result.latency.p99_ms)}`,
        'ms',
      );
      record('rollout restart of 3 API replicas', apiSeconds, 's');
      record(
        'kube-proxy: endpoint change to rules programmed, slowest',
        await slowestProgramming(),
        's',
        'under the preStop delay (5 s)',
      );
      record('rollout restart of the web app', webSeconds, 's');
      expect(result.requests).toBeGreaterThan(200);
      expect(result.failed, JSON.stringify(result.failure_kinds)).toBe(0);
      expect(lost.lost, JSON.stringify(lost)).toBe(0);
    } finally {
      close();
    }
  });

  it('control: without the preStop delay the same API restart drops requests', async () => {
    await upgrade(['api.preStopSleepSeconds=0']);
    const { load, close } = await clusterLoad('rollout-control', USERS);
    try {
      load.start(MAX_LOAD_MS);
      await sleep(5000);
      await restart(API);
      await sleep(3000);
      const duration = await load.stop();
      const result = summary(load, duration);
      console.log('control without preStop:', JSON.stringify(result.failure_kinds));
      record('control without preStop: failed requests', `${result.failed} of ${result.requests}`);
      expect(result.failed).toBeGreaterThan(0);
    } finally {
      close();
      const defaults = (await helm(['show', 'values', chartPath])).match(
        /^\s*preStopSleepSeconds:\s*(\d+)/m,
      );
      await upgrade([`api.preStopSleepSeconds=${defaults?.[1] ?? 5}`]);
    }
  });
});
