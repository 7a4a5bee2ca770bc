// The chart's NetworkPolicies enforced for real (kube-router's firewall): what they allow still
// works, and what they do not allow is refused where it was possible before they were on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signUp } from './support/app.ts';
import {
  chartPath,
  fullName,
  helm,
  installArgs,
  kubectl,
  kubectlJson,
  namespace,
  type PortForward,
  portForward,
  release,
  rolloutStatus,
  waitFor,
} from './support/cluster.ts';
import { restrictedPod } from './support/pods.ts';

const api = `${fullName('api')}:8080`;
const postgres = `${fullName('postgresql')}:5432`;
const web = `${fullName('web')}:8080`;

/** From a pod that carries none of the chart's labels: which addresses it can open. */
async function probeFromOutsider(name: string): Promise<Record<string, boolean>> {
  const targets = [api, postgres, web, 'kubernetes.default.svc:443'];
  const pod = restrictedPod(
    name,
    targets.map(
      (target) =>
        `if timeout 3 bash -c 'exec 3<>/dev/tcp/${target.replace(':', '/')}' 2>/dev/null; then echo "${target} open"; else echo "${target} closed"; fi`,
    ),
  );
  await kubectl(['apply', '-n', namespace, '-f', '-'], { input: JSON.stringify(pod) });
  await waitFor(
    `the ${name} pod to finish`,
    async () =>
      (await kubectlJson(['-n', namespace, 'get', 'pod', name])).status.phase === 'Succeeded',
    90_000,
  );
  const log = await kubectl(['-n', namespace, 'logs', name]);
  await kubectl(['-n', namespace, 'delete', 'pod', name, '--wait=false']);
  return Object.fromEntries(targets.map((t) => [t, log.includes(`${t} open`)]));
}

/** From inside the API container (its own Node.js; the image has no shell). */
async function probeFromApi(): Promise<Record<string, boolean>> {
  const targets = [postgres, web, 'kubernetes.default.svc:443'];
  const script = `
    const net = require('node:net');
    const probe = (target) => new Promise((resolve) => {
      const [host, port] = target.split(':');
      const socket = net.connect({ host, port: Number(port), timeout: 3000 });
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('timeout', () => { socket.destroy(); resolve(false); });
      socket.once('error', () => resolve(false));
    });
    Promise.all(${JSON.stringify(targets)}.map(probe)).then((open) => console.log(JSON.stringify(open)));`;
  const output = await kubectl([
    '-n',
    namespace,
    'exec',
    `deployment/${fullName('api')}`,
    '-c',
    'api',
    '--',
    '/nodejs/bin/node',
    '-e',
    script,
  ]);
  const open: boolean[] = JSON.parse(output.trim());
  return Object.fromEntries(targets.map((t, i) => [t, open[i] as boolean]));
}

let before: { outsider: Record<string, boolean>; fromApi: Record<string, boolean> };
let forward: PortForward;

async function upgrade(networkPolicy: boolean): Promise<void> {
  await helm(
    [
      'upgrade',
      release,
      chartPath,
      ...installArgs(),
      '--set',
      `networkPolicy.enabled=${networkPolicy}`,
      '--wait',
      '--timeout',
      '4m',
    ],
    { timeoutMs: 300_000 },
  );
}

beforeAll(async () => {
  await upgrade(false);
  before = { outsider: await probeFromOutsider('outsider-before'), fromApi: await probeFromApi() };
  await upgrade(true);
  for (const workload of ['deployment/todo-todo-chatbot-api', 'deployment/todo-todo-chatbot-web'])
    await rolloutStatus(workload, 180);
  forward = await portForward(fullName('web'), 8080);
});
afterAll(() => forward?.close());

describe('NetworkPolicy, enforced', () => {
  it('without policies everything was reachable (the probes can see an open path)', () => {
    expect(before.outsider).toEqual({
      [api]: true,
      [postgres]: true,
      [web]: true,
      'kubernetes.default.svc:443': true,
    });
    expect(before.fromApi).toEqual({
      [postgres]: true,
      [web]: true,
      'kubernetes.default.svc:443': true,
    });
  });

  it('web reaches the API, the API reaches PostgreSQL and DNS, and helm test passes', async () => {
    const session = await signUp(forward.url, 'policy');
    const created = await call(session, 'POST', '/api/me/tasks', { title: 'behind a policy' });
    expect(created.status).toBe(201);
    const output = await helm(['test', release, '--namespace', namespace, '--timeout', '4m'], {
      timeoutMs: 300_000,
    });
    expect(output.match(/Phase:\s+Succeeded/g)).toHaveLength(3);
  });

  it('a pod without the chart labels reaches neither the API, nor PostgreSQL, nor the web pods', async () => {
    const after = await probeFromOutsider('outsider-after');
    expect(after).toEqual({
      [api]: false,
      [postgres]: false,
      [web]: false,
      // Not a policy of this chart: still open, so the pod itself has a working network.
      'kubernetes.default.svc:443': true,
    });
  });

  it('the API opens no connection the policy does not list', async () => {
    expect(await probeFromApi()).toEqual({
      [postgres]: true,
      [web]: false,
      'kubernetes.default.svc:443': false,
    });
  });
});
