// The chart's HorizontalPodAutoscaler on real metrics (metrics-server): a bounded load scales the
// API up within the HPA's limits, and it scales back down once the load stops. Only this test's
// values shorten the HPA's windows; the chart's defaults stay as they are.
import { afterAll, describe, expect, it } from 'vitest';
import {
  fullName,
  kubectlJson,
  namespace,
  rolloutStatus,
  sleep,
  upgradeRelease,
} from './support/cluster.ts';
import { record } from './support/figures.ts';
import { clusterLoad } from './support/load.ts';

const MIN = 1;
const MAX = 3;
const behavior = {
  scaleUp: {
    stabilizationWindowSeconds: 0,
    policies: [{ type: 'Pods', value: 2, periodSeconds: 15 }],
  },
  scaleDown: {
    stabilizationWindowSeconds: 30,
    policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
  },
};

interface Sample {
  t: number;
  replicas: number;
  desired: number;
  cpu: number | undefined;
}

async function sample(startedAt: number): Promise<Sample> {
  const hpa = await kubectlJson(['-n', namespace, 'get', 'hpa', fullName('api')]);
  const cpu = hpa.status.currentMetrics?.find((m: { type: string }) => m.type === 'Resource')
    ?.resource?.current?.averageUtilization;
  return {
    t: Math.round((Date.now() - startedAt) / 1000),
    replicas: hpa.status.currentReplicas ?? 0,
    desired: hpa.status.desiredReplicas ?? 0,
    cpu,
  };
}

/** Samples every 5 s until `done` holds or `limitMs` passes; returns the samples. */
async function watch(
  startedAt: number,
  limitMs: number,
  done: (s: Sample) => boolean,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const s = await sample(startedAt);
    samples.push(s);
    if (done(s)) break;
    await sleep(5000);
  }
  return samples;
}

const line = (samples: Sample[]) =>
  samples.map((s) => `${s.t}s: ${s.replicas}→${s.desired} (cpu ${s.cpu ?? '?'}%)`).join(', ');

afterAll(() =>
  upgradeRelease(['--set', 'api.autoscaling.enabled=false', '--set', 'api.replicaCount=1']),
);

describe('HorizontalPodAutoscaler', () => {
  it('scales the API up under load within its limits, and back down after', async () => {
    await upgradeRelease([
      '--set',
      'api.autoscaling.enabled=true',
      '--set',
      `api.autoscaling.minReplicas=${MIN}`,
      '--set',
      `api.autoscaling.maxReplicas=${MAX}`,
      '--set-json',
      `api.autoscaling.behavior=${JSON.stringify(behavior)}`,
    ]);
    const startedAt = Date.now();
    const settled = await watch(
      startedAt,
      180_000,
      (s) => s.replicas === MIN && s.cpu !== undefined,
    );
    expect(settled.at(-1)?.replicas, line(settled)).toBe(MIN);

    const { load, close } = await clusterLoad('hpa', 8, 0);
    const loadStart = Date.now();
    load.start(150_000);
    let up: Sample[];
    try {
      up = await watch(loadStart, 150_000, (s) => s.replicas >= 2 && s.replicas === s.desired);
    } finally {
      await load.stop();
      close();
    }
    const peak = Math.max(...up.map((s) => s.replicas));
    record('HPA: scale-up timeline under load', line(up));
    expect(peak, line(up)).toBeGreaterThanOrEqual(2);
    expect(peak).toBeLessThanOrEqual(MAX);
    await rolloutStatus(`deployment/${fullName('api')}`, 120);

    const stopped = Date.now();
    const down = await watch(stopped, 240_000, (s) => s.replicas === MIN);
    record('HPA: scale-down timeline after the load stopped', line(down));
    record('HPA: load start to scaled up', up.at(-1)?.t ?? 0, 's');
    record('HPA: load stop to back at the minimum', down.at(-1)?.t ?? 0, 's');
    expect(down.at(-1)?.replicas, line(down)).toBe(MIN);
    expect(Math.max(...[...up, ...down].map((s) => s.replicas))).toBeLessThanOrEqual(MAX);
  });
});
