// The Minikube scripts for real, through their one switch for an existing cluster
// (KUBE_CONTEXT): up.sh builds and loads the images, installs the chart, waits for the rollout,
// runs helm test and prints the URL; demo.sh and mcp-token.sh run unchanged; down.sh removes it.
// Only what is Minikube's own (starting it, its addons, building inside it) stays with the stubs
// of tests/minikube.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmBinary, repoRoot } from '../chart/helpers/tools.ts';
import { connectMcp, toolText } from './support/app.ts';
import {
  cluster,
  kubectl,
  kubectlJson,
  localClusterDir,
  pods,
  recreateRestrictedNamespace,
  waitFor,
} from './support/cluster.ts';
import { record } from './support/figures.ts';

const scripts = path.join(repoRoot, 'deploy/minikube');
const scriptNamespace = 'todo-chatbot';
const env = () => ({
  ...process.env,
  KUBECONFIG: cluster().kubeconfig,
  KUBE_CONTEXT: 'todo-chatbot-local',
  IMAGE_LOADER: path.join(localClusterDir, 'load-images.sh'),
  // This cluster's kubectl and the Helm the chart suite uses, ahead of anything installed.
  PATH: `${cluster().bin}:${path.dirname(helmBinary('helm4'))}:${process.env.PATH}`,
  NO_COLOR: '1',
});

function script(
  name: string,
  args: string[],
  extra: Record<string, string> = {},
  timeoutMs = 600_000,
): Promise<{ code: number | null; output: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('bash', [path.join(scripts, name), ...args], {
      cwd: repoRoot,
      env: { ...env(), ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, seconds: (Date.now() - started) / 1000 });
    });
  });
}

beforeAll(() => recreateRestrictedNamespace(scriptNamespace));

afterAll(async () => {
  await kubectl(['delete', 'namespace', scriptNamespace, '--ignore-not-found', '--wait=false']);
});

describe('deploy/minikube on an existing cluster (KUBE_CONTEXT)', () => {
  it('up.sh: image load, helm upgrade --install, rollout, helm test, and the URL', async () => {
    const up = await script('up.sh', [
      '--values',
      path.join(localClusterDir, 'values-cluster.yaml'),
    ]);
    expect(up.code, up.output).toBe(0);
    record('deploy/minikube/up.sh on the cluster (images cached)', up.seconds, 's');
    expect(up.output).toContain(
      'Using the existing cluster of kubectl context "todo-chatbot-local"',
    );
    expect(up.output).not.toMatch(/^minikube /m);
    expect(up.output).toContain('loaded into the cluster: localhost/todo-chatbot-api:');
    expect(up.output).toContain('Installing release "todo-chatbot"');
    expect(up.output.match(/Phase:\s+Succeeded/g)).toHaveLength(3);
    expect(up.output).toContain('Open http://todo.local');
    expect(up.output).toContain(`echo "${cluster().nodeIp} todo.local" | sudo tee -a /etc/hosts`);
    const again = await script(
      'up.sh',
      ['--values', path.join(localClusterDir, 'values-cluster.yaml')],
      {
        SKIP_BUILD: '1',
        SKIP_TESTS: '1',
      },
    );
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain('Upgrading (in place) release "todo-chatbot"');
  });

  it('demo.sh: chat, scaling to 3, a rolling restart with zero failed requests, data kept', async () => {
    const demo = await script('demo.sh', [], { DEMO_SETTLE_SECONDS: '8' });
    expect(demo.code, demo.output).toBe(0);
    record('deploy/minikube/demo.sh on the cluster', demo.seconds, 's');
    const restart = /(\d+) requests during the rolling restart, 0 failed\./.exec(demo.output);
    expect(restart, demo.output).not.toBeNull();
    record('demo.sh: requests during its rolling restart, all answered', Number(restart?.[1]));
    expect(demo.output).toContain('Rolling restart: zero failed requests.');
    expect(demo.output).toContain('Tasks survived the pod deletion.');
  });

  it('mcp-token.sh: a working token in the Secret, never in the output', async () => {
    const email = `agent-${Date.now()}@example.com`;
    const password = `agent-password-${Date.now()}`;
    const run = await script('mcp-token.sh', [], {
      TODO_EMAIL: email,
      TODO_PASSWORD: password,
      CREATE_ACCOUNT: '1',
    });
    expect(run.code, run.output).toBe(0);
    const secret = await kubectlJson(['-n', scriptNamespace, 'get', 'secret', 'todo-chatbot-mcp']);
    const authorization = Buffer.from(secret.data.authorization, 'base64').toString();
    expect(authorization).toMatch(/^Bearer todo_\S+$/);
    const token = authorization.slice('Bearer '.length);
    expect(run.output).not.toContain(token);
    expect(run.output).not.toContain(password);
    // The agent's view: MCP through the ingress path the chart's kagent objects would use.
    const webIp = (await kubectlJson(['-n', scriptNamespace, 'get', 'service', 'todo-chatbot-web']))
      .spec.clusterIP;
    const client = await connectMcp(`http://${webIp}:8080`, token);
    try {
      const listed = await client.callTool({ name: 'list_tasks', arguments: {} });
      expect(listed.isError ?? false, toolText(listed)).toBe(false);
    } finally {
      await client.close();
    }
  });

  it('down.sh --delete-data removes the release with its volume and Secrets', async () => {
    const down = await script('down.sh', ['--delete-data']);
    expect(down.code, down.output).toBe(0);
    await waitFor(
      "the release's pods to be gone",
      async () =>
        (await pods('app.kubernetes.io/instance=todo-chatbot', scriptNamespace)).length === 0,
      120_000,
    );
    const left = await kubectl([
      '-n',
      scriptNamespace,
      'get',
      'all,pvc,secrets,configmaps',
      '-l',
      'app.kubernetes.io/instance=todo-chatbot',
      '-o',
      'name',
    ]);
    expect(left.trim()).toBe('');
  });
});
