// Upgrades on a live release: a changed value keeps the generated auth secret (sessions survive),
// rollback returns to the previous revision, and uninstall removes all but what the chart keeps,
// so that a reinstall finds the same accounts and tasks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Session, signUp } from './support/app.ts';
import {
  chartPath,
  cluster,
  fullName,
  helm,
  installArgs,
  kubectl,
  kubectlJson,
  namespace,
  type PortForward,
  pods,
  portForward,
  release,
  rolloutStatus,
  waitFor,
} from './support/cluster.ts';

const appSecret = fullName('').replace(/-$/, '');
const authSecret = async () =>
  (await kubectlJson(['-n', namespace, 'get', 'secret', appSecret])).data
    .BETTER_AUTH_SECRET as string;
const revision = async () =>
  JSON.parse(await helm(['status', release, '-n', namespace, '-o', 'json'])).version;
const webServiceType = async () =>
  (await kubectlJson(['-n', namespace, 'get', 'service', fullName('web')])).spec.type as string;

async function rollouts(): Promise<void> {
  for (const workload of ['deployment/todo-todo-chatbot-api', 'deployment/todo-todo-chatbot-web'])
    await rolloutStatus(workload, 180);
}

let web: PortForward;
let session: Session;
let taskId: number;
let secretAtInstall: string;

beforeAll(async () => {
  web = await portForward(fullName('web'), 8080);
  session = await signUp(web.url, 'upgrader');
  const created = await call(session, 'POST', '/api/me/tasks', { title: 'survives upgrades' });
  taskId = created.body.id;
  secretAtInstall = await authSecret();
});
afterAll(() => web?.close());

async function stillSignedIn(base = web.url): Promise<void> {
  const reply = await call(session, 'GET', `/api/me/tasks/${taskId}`, undefined, base);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(reply.body.title).toBe('survives upgrades');
}

describe('upgrade, rollback, uninstall', () => {
  it('helm upgrade with a changed value keeps the generated auth secret: sessions still work', async () => {
    const from = await revision();
    await helm(
      [
        'upgrade',
        release,
        chartPath,
        ...installArgs(),
        '--set',
        'web.service.type=NodePort',
        '--wait',
        '--timeout',
        '4m',
      ],
      {
        timeoutMs: 300_000,
      },
    );
    await rollouts();
    expect(await revision()).toBe(from + 1);
    expect(await authSecret()).toBe(secretAtInstall);
    expect(await webServiceType()).toBe('NodePort');
    // The same session, now through the node port kube-proxy opened (a new path into the cluster).
    const service = await kubectlJson(['-n', namespace, 'get', 'service', fullName('web')]);
    const nodePort = service.spec.ports[0].nodePort as number;
    await stillSignedIn(`http://${cluster().nodeIp}:${nodePort}`);
  });

  it('helm rollback returns to the previous revision, still with the same secret', async () => {
    const from = await revision();
    await helm(
      ['rollback', release, String(from - 1), '-n', namespace, '--wait', '--timeout', '4m'],
      {
        timeoutMs: 300_000,
      },
    );
    await rollouts();
    expect(await revision()).toBe(from + 1);
    expect(await webServiceType()).toBe('ClusterIP');
    expect(await authSecret()).toBe(secretAtInstall);
    web.close();
    web = await portForward(fullName('web'), 8080);
    await stillSignedIn();
  });

  it('helm uninstall leaves only the two Secrets and the data volume, and a reinstall finds them', async () => {
    web.close();
    await helm(['uninstall', release, '-n', namespace, '--wait', '--timeout', '3m'], {
      timeoutMs: 240_000,
    });
    await waitFor(
      "the release's pods to be gone",
      async () => (await pods(`app.kubernetes.io/instance=${release}`)).length === 0,
      120_000,
    );
    const left = await kubectl([
      '-n',
      namespace,
      'get',
      'all,configmaps,secrets,pvc,serviceaccounts,ingresses,networkpolicies,poddisruptionbudgets',
      '-l',
      `app.kubernetes.io/instance=${release}`,
      '-o',
      'name',
    ]);
    expect(left.split('\n').filter(Boolean).sort()).toEqual([
      `persistentvolumeclaim/data-${fullName('postgresql')}-0`,
      `secret/${appSecret}`,
      `secret/${fullName('postgresql')}`,
    ]);

    await helm(['install', release, chartPath, ...installArgs(), '--wait', '--timeout', '4m'], {
      timeoutMs: 300_000,
    });
    await rolloutStatus(`statefulset/${fullName('postgresql')}`, 180);
    await rollouts();
    web = await portForward(fullName('web'), 8080);
    await stillSignedIn();
    expect(await authSecret()).toBe(secretAtInstall);
  });
});
