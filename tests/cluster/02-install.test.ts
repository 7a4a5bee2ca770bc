// `helm install` with the local profile, every rollout, and `helm test`: the chart's own
// promise, on a real API server and kubelet, under the restricted Pod Security Standard.
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../chart/helpers/render.ts';
import {
  chartPath,
  component,
  helm,
  installArgs,
  isReady,
  kubectlJson,
  namespace,
  type Pod,
  pods,
  release,
  restarts,
  rolloutStatus,
  waitFor,
} from './support/cluster.ts';
import { record } from './support/figures.ts';

const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;
const readySince = (pod: Pod) =>
  pod.status.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime;

describe('helm install', () => {
  it('installs the local profile and every workload becomes ready', async () => {
    const started = Date.now();
    await helm(['install', release, chartPath, ...installArgs()]);
    const workloads = [
      'statefulset/todo-todo-chatbot-postgresql',
      'deployment/todo-todo-chatbot-api',
      'deployment/todo-todo-chatbot-web',
    ];
    for (const workload of workloads) await rolloutStatus(workload, 240);
    await waitFor(
      'every pod of the release to be ready',
      async () => (await pods(`app.kubernetes.io/instance=${release}`)).every(isReady),
      60_000,
    );
    record(
      'helm install to all pods ready',
      (Date.now() - started) / 1000,
      's',
      'deploy < 2–3 min',
    );

    for (const name of ['postgresql', 'api', 'web']) {
      const [pod] = await pods(component(name));
      expect(pod, name).toBeDefined();
      if (!pod) continue;
      expect(restarts(pod), `${name} restarts`).toBe(0);
      const ready = readySince(pod) as string;
      const main = pod.status.containerStatuses?.find((s) => s.state.running);
      record(`${name}: pod created to ready`, seconds(pod.metadata.creationTimestamp, ready), 's');
      if (main?.state.running)
        record(
          `${name}: container start to ready`,
          seconds(main.state.running.startedAt, ready),
          's',
          'container start < 10 s',
        );
    }
  });

  it('helm test passes: API readiness, the web proxy, and a sign-up, task and chat turn', async () => {
    const output = await helm(
      ['test', release, '--namespace', namespace, '--logs', '--timeout', '4m'],
      {
        timeoutMs: 300_000,
      },
    );
    const phases = [...output.matchAll(/^TEST SUITE:\s+(\S+)\n(?:.*\n)*?Phase:\s+(\S+)/gm)].map(
      ([, name, phase]) => `${name}: ${phase}`,
    );
    phases.sort();
    expect(phases).toEqual([
      'todo-todo-chatbot-test-api-ready: Succeeded',
      'todo-todo-chatbot-test-e2e: Succeeded',
      'todo-todo-chatbot-test-web-proxy: Succeeded',
    ]);
    expect(output).toContain('chat answered:');
  });

  it('the namespace enforces the restricted Pod Security Standard and every container runs read-only', async () => {
    const ns = await kubectlJson(['get', 'namespace', namespace]);
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    const running = await pods(`app.kubernetes.io/instance=${release}`);
    // The helm test pods are gone once they passed; their specs are the release's hooks.
    const hooks = parseManifests(
      await helm(['get', 'hooks', release, '--namespace', namespace]),
    ).filter((o) => o.kind === 'Pod');
    expect(hooks).toHaveLength(3);
    const specs = [
      ...(await Promise.all(
        running.map(async (p) => ({
          name: p.metadata.name,
          spec: (await kubectlJson(['-n', namespace, 'get', 'pod', p.metadata.name])).spec,
        })),
      )),
      ...hooks.map((h) => ({ name: h.metadata.name, spec: h.spec })),
    ];
    expect(specs.map((s) => s.name).join(' ')).toMatch(/postgresql-0/);
    for (const { name, spec } of specs)
      for (const container of [...(spec.initContainers ?? []), ...spec.containers])
        expect(container.securityContext?.readOnlyRootFilesystem, `${name}/${container.name}`).toBe(
          true,
        );
  });
});
