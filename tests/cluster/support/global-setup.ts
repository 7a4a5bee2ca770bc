// Brings up the real cluster (deploy/local-cluster/up.sh: builds on a fresh machine, reuses a
// healthy cluster), builds the app's images and loads them into it, and tears it all down at the
// end unless KEEP_CLUSTER=1. What the host looked like before is handed to the teardown check.
// The test namespace is recreated by the first test file, so a kept cluster can run it again.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureTools, repoRoot } from '../../chart/helpers/tools.ts';
import { printFigures, record, resetFigures } from './figures.ts';

const localCluster = path.join(repoRoot, 'deploy/local-cluster');
const version = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
export const appImages = [
  `localhost/todo-chatbot-api:${version}`,
  `localhost/todo-chatbot-web:${version}`,
];

/** Runs a script with its output shown (builds take minutes); throws on failure. */
function step(title: string, command: string, args: string[], timeoutMs: number): number {
  console.log(`--- ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', timeout: timeoutMs });
  if (result.status !== 0)
    throw new Error(`${title} failed (${result.error?.message ?? `exit ${result.status}`})`);
  return (Date.now() - started) / 1000;
}

/** A variable as lib.sh defines it. */
function libValue(expression: string): string {
  return execFileSync('bash', ['-c', `source "${localCluster}/lib.sh" && echo "${expression}"`], {
    encoding: 'utf8',
  }).trim();
}

export default function setup(project: TestProject): () => void {
  resetFigures();
  ensureTools();
  // The teardown check compares the host with how it was before any cluster: one left over from
  // an earlier run goes first. KEEP_CLUSTER=1 (no teardown check) reuses it, as up.sh alone does.
  if (!process.env.KEEP_CLUSTER && libValue('$(is_running kube-apiserver && echo up)') === 'up')
    step('down.sh (a cluster was left up)', 'bash', [`${localCluster}/down.sh`], 5 * 60_000);
  const hostStateBefore = execFileSync(
    'bash',
    [path.join(repoRoot, 'tests/cluster/host-state.sh')],
    {
      encoding: 'utf8',
    },
  );
  record(
    'build and start the cluster (up.sh)',
    step('up.sh', 'bash', [`${localCluster}/up.sh`], 90 * 60_000),
    's',
  );
  record(
    'build the app images',
    step(
      'app images',
      'bash',
      [path.join(repoRoot, 'scripts/containers/build-images.sh')],
      30 * 60_000,
    ),
    's',
  );
  step('load the app images', 'bash', [`${localCluster}/load-images.sh`, ...appImages], 5 * 60_000);

  project.provide('cluster', {
    kubeconfig: libValue('$KUBECONFIG_ADMIN'),
    bin: libValue('$CLUSTER_BIN'),
    nodeIp: execFileSync('bash', ['-c', `source "${localCluster}/lib.sh" && node_ip`], {
      encoding: 'utf8',
    }).trim(),
    kubernetesVersion: libValue('$(kubernetes_version)'),
    hostStateBefore,
  });

  return () => {
    if (!process.env.KEEP_CLUSTER && libValue('$(is_running kube-apiserver && echo up)') === 'up')
      step('down.sh', 'bash', [`${localCluster}/down.sh`], 5 * 60_000);
    printFigures();
  };
}
