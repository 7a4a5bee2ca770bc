// The cluster the suite runs against: kubectl and Helm bound to its kubeconfig, bounded waits
// that explain themselves, and the diagnostics a failed wait prints (pods, events, logs).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor as pollUntil, sleep } from '@todo-chatbot/test-kit';
import { inject } from 'vitest';
import { helmBinary, repoRoot } from '../../chart/helpers/tools.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: ClusterInfo;
  }
}

export interface ClusterInfo {
  kubeconfig: string;
  /** Directory of the cluster's own binaries (kubectl among them). */
  bin: string;
  nodeIp: string;
  kubernetesVersion: string;
  /** Host state before up.sh, to compare with after down.sh. */
  hostStateBefore: string;
}

export const localClusterDir = path.join(repoRoot, 'deploy/local-cluster');
export const chartPath = path.join(repoRoot, 'deploy/helm/todo-chatbot');
export const namespace = 'todo-cluster-test';
export const release = 'todo';

export function cluster(): ClusterInfo {
  return inject('cluster');
}

const helmHome = mkdtempSync(path.join(tmpdir(), 'todo-cluster-helm-'));

function environment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    KUBECONFIG: cluster().kubeconfig,
    HELM_CACHE_HOME: path.join(helmHome, 'cache'),
    HELM_CONFIG_HOME: path.join(helmHome, 'config'),
    HELM_DATA_HOME: path.join(helmHome, 'data'),
  };
}

export class CommandError extends Error {
  readonly stdout: string;
  readonly stderr: string;
  constructor(command: string, stdout: string, stderr: string) {
    super(`${command} failed:\n${stderr || stdout}`);
    this.stdout = stdout;
    this.stderr = stderr;
  }
}

export interface RunOptions {
  input?: string;
  timeoutMs?: number;
}

export function run(binary: string, args: string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      binary,
      args,
      {
        env: environment(),
        maxBuffer: 64 * 1024 * 1024,
        timeout: options.timeoutMs ?? 120_000,
        killSignal: 'SIGKILL',
      },
      (error, stdout, stderr) => {
        if (error)
          reject(new CommandError(`${path.basename(binary)} ${args.join(' ')}`, stdout, stderr));
        else resolve(stdout);
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

export function kubectl(args: string[], options?: RunOptions): Promise<string> {
  return run(path.join(cluster().bin, 'kubectl'), args, options);
}

// biome-ignore lint/suspicious/noExplicitAny: Kubernetes objects; tests narrow what they read.
export async function kubectlJson<T = any>(args: string[]): Promise<T> {
  return JSON.parse(await kubectl([...args, '-o', 'json'])) as T;
}

export function helm(args: string[], options?: RunOptions): Promise<string> {
  return run(helmBinary('helm4'), args, options);
}

export { sleep };

/**
 * Polls until `check` returns a value other than undefined or false, retrying its errors
 * (the cluster is still converging); after `timeoutMs` throws with what was awaited, the last
 * error, and the namespace's diagnostics.
 */
export function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs: number,
  intervalMs = 1000,
): Promise<T> {
  let last: unknown;
  return pollUntil(
    what,
    async () => {
      try {
        return await check();
      } catch (error) {
        last = error;
        return undefined;
      }
    },
    {
      timeoutMs,
      intervalMs,
      explain: async () =>
        `${last instanceof Error ? `\nlast error: ${last.message}` : ''}\n${await diagnostics()}`,
    },
  );
}

/** Pods, recent events, and the logs of every container that is not ready (previous run too). */
export async function diagnostics(ns = namespace): Promise<string> {
  const parts: string[] = [];
  const attempt = async (title: string, args: string[]) => {
    try {
      parts.push(`--- ${title}\n${await kubectl(args, { timeoutMs: 20_000 })}`);
    } catch (error) {
      parts.push(`--- ${title}: ${(error as Error).message}`);
    }
  };
  await attempt(`pods in ${ns}`, ['-n', ns, 'get', 'pods', '-o', 'wide']);
  await attempt(`events in ${ns}`, ['-n', ns, 'get', 'events', '--sort-by=.lastTimestamp']);
  try {
    const pods = await kubectlJson<PodList>(['-n', ns, 'get', 'pods']);
    for (const pod of pods.items) {
      for (const status of [
        ...(pod.status.initContainerStatuses ?? []),
        ...(pod.status.containerStatuses ?? []),
      ]) {
        if (status.ready && status.restartCount === 0) continue;
        const name = `${pod.metadata.name}/${status.name}`;
        const logs = ['-n', ns, 'logs', pod.metadata.name, '-c', status.name, '--tail=40'];
        await attempt(`logs of ${name}`, logs);
        if (status.restartCount > 0)
          await attempt(`previous logs of ${name}`, [...logs, '--previous']);
      }
    }
  } catch {
    // The pod list above already says why.
  }
  return parts.join('\n');
}

export interface ContainerStatus {
  name: string;
  ready: boolean;
  restartCount: number;
  started?: boolean;
  state: {
    running?: { startedAt: string };
    terminated?: { exitCode: number; reason?: string };
  };
}
export interface Pod {
  metadata: {
    name: string;
    uid: string;
    labels: Record<string, string>;
    creationTimestamp: string;
  };
  spec: { nodeName?: string; terminationGracePeriodSeconds?: number };
  status: {
    phase: string;
    startTime?: string;
    conditions?: { type: string; status: string; lastTransitionTime: string }[];
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
  };
}
export interface PodList {
  items: Pod[];
}

export function pods(selector: string, ns = namespace): Promise<Pod[]> {
  return kubectlJson<PodList>(['-n', ns, 'get', 'pods', '-l', selector]).then((list) => list.items);
}

export function isReady(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function restarts(pod: Pod): number {
  return [
    ...(pod.status.initContainerStatuses ?? []),
    ...(pod.status.containerStatuses ?? []),
  ].reduce((sum, status) => sum + status.restartCount, 0);
}

/** Waits for a Deployment or StatefulSet rollout; on failure the error carries diagnostics. */
export async function rolloutStatus(resource: string, timeoutSeconds = 180): Promise<void> {
  try {
    await kubectl(
      ['-n', namespace, 'rollout', 'status', resource, `--timeout=${timeoutSeconds}s`],
      {
        timeoutMs: (timeoutSeconds + 15) * 1000,
      },
    );
  } catch (error) {
    throw new Error(
      `${resource} did not roll out: ${(error as Error).message}\n${await diagnostics()}`,
    );
  }
}

export const component = (name: string) =>
  `app.kubernetes.io/instance=${release},app.kubernetes.io/component=${name}`;
export const fullName = (suffix: string) => `${release}-todo-chatbot-${suffix}`;

export interface PortForward {
  url: string;
  close(): void;
}

/**
 * `kubectl port-forward` to a Service on a free local port. kubectl picks one of the Service's
 * pods when it starts; a Service whose pods are replaced needs a new forward.
 */
export async function portForward(service: string, port: number): Promise<PortForward> {
  const child: ChildProcess = spawn(
    path.join(cluster().bin, 'kubectl'),
    ['-n', namespace, 'port-forward', `service/${service}`, `:${port}`, '--address', '127.0.0.1'],
    { env: environment(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const localPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`port-forward did not start:\n${output}`)),
      30_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Forwarding from 127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`port-forward exited (${code}):\n${output}`));
    });
  });
  return { url: `http://127.0.0.1:${localPort}`, close: () => child.kill() };
}

/** The values this cluster needs on top of values-local.yaml: local image names, never pull. */
export function clusterValuesFile(): string {
  return path.join(localClusterDir, 'values-cluster.yaml');
}

export const installArgs = () => [
  '--namespace',
  namespace,
  '--values',
  path.join(chartPath, 'values-local.yaml'),
  '--values',
  clusterValuesFile(),
  '--values',
  path.join(repoRoot, 'tests/cluster/values-load.yaml'),
];

/** `helm upgrade` of the test release: its values kept, `flags` on top, waiting for it. */
export function upgradeRelease(flags: string[]): Promise<string> {
  return helm(
    [
      'upgrade',
      release,
      chartPath,
      ...installArgs(),
      '--reuse-values',
      ...flags,
      '--wait',
      '--timeout',
      '4m',
    ],
    { timeoutMs: 300_000 },
  );
}

/** SQL run by psql in the in-chart PostgreSQL pod; answers its unaligned, tuples-only output. */
export function psql(sql: string): Promise<string> {
  return kubectl([
    '-n',
    namespace,
    'exec',
    `${fullName('postgresql')}-0`,
    '--',
    'psql',
    '-U',
    'todo',
    '-d',
    'todo',
    '-tAc',
    sql,
  ]);
}

/**
 * An empty namespace whose pods must meet the restricted Pod Security Standard (the API server
 * enforces it and warns on apply), replacing one an earlier run left.
 */
export async function recreateRestrictedNamespace(name: string): Promise<void> {
  await kubectl(['delete', 'namespace', name, '--ignore-not-found', '--wait=true'], {
    timeoutMs: 180_000,
  });
  await kubectl(['create', 'namespace', name]);
  await kubectl([
    'label',
    'namespace',
    name,
    'pod-security.kubernetes.io/enforce=restricted',
    'pod-security.kubernetes.io/warn=restricted',
  ]);
}
