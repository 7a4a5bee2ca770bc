// Every profile of the chart's test matrix against the real API server: admission (the
// restricted Pod Security Standard among it), defaulting and strict field validation with
// `kubectl apply --dry-run=server`, then applied for real and a fresh render applied over it,
// which a change to an immutable field (selectors, claim templates) would make the server refuse.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kagentCrdDir } from '../chart/helpers/crd-schema.ts';
import { profiles } from '../chart/helpers/profiles.ts';
import { type K8sObject, parseManifests, renderRaw } from '../chart/helpers/render.ts';
import { CommandError, kubectl, recreateRestrictedNamespace } from './support/cluster.ts';

// Where the CRDs of the optional objects come from: the cluster has Gateway API's (up.sh installs
// the standard channel for Traefik); ServiceMonitor's is prometheus-operator's own file, fetched
// as a Go module through the module proxy; kagent's are the shared reference data.
const crdModules = [
  {
    module: 'github.com/prometheus-operator/prometheus-operator',
    version: 'v0.85.0',
    file: 'example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml',
  },
];
const kagentCrds = [
  'kagent.dev_agents.yaml',
  'kagent.dev_remotemcpservers.yaml',
  'kagent.dev_modelconfigs.yaml',
];

function crdFiles(): string[] {
  const fromModules = crdModules.map(({ module, version, file }) => {
    const info = JSON.parse(
      execFileSync('go', ['mod', 'download', '-json', `${module}@${version}`], {
        encoding: 'utf8',
      }),
    );
    if (!info.Dir) throw new Error(`go mod download ${module}@${version}: ${info.Error}`);
    return path.join(info.Dir, file);
  });
  return [...fromModules, ...kagentCrds.map((name) => path.join(kagentCrdDir, name))];
}

const namespaceFor = (index: number) => `dry-run-${index}`;

beforeAll(async () => {
  for (const file of crdFiles()) await kubectl(['apply', '--server-side', '-f', file]);
  for (const crd of [
    'httproutes.gateway.networking.k8s.io',
    'servicemonitors.monitoring.coreos.com',
    'agents.kagent.dev',
  ])
    await kubectl(['wait', '--for=condition=Established', `crd/${crd}`, '--timeout=60s']);
});

afterAll(async () => {
  await kubectl(
    [
      'delete',
      'namespace',
      ...profiles.map((_, i) => namespaceFor(i)),
      '--ignore-not-found',
      '--wait=true',
    ],
    { timeoutMs: 240_000 },
  );
  for (const file of crdFiles()) await kubectl(['delete', '-f', file, '--ignore-not-found']);
});

/** A fresh render of one profile, split into what `helm install` applies and its test hooks. */
async function render(index: number): Promise<{ install: string; tests: string }> {
  const profile = profiles[index] as (typeof profiles)[number];
  const rendered = await renderRaw({ ...profile.options, namespace: namespaceFor(index) });
  if (rendered.code !== 0) throw new Error(rendered.stderr);
  const objects = parseManifests(rendered.stdout);
  const isTest = (o: K8sObject) =>
    (o.metadata.annotations?.['helm.sh/hook'] ?? '').includes('test');
  const list = (items: K8sObject[]) => JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
  return { install: list(objects.filter((o) => !isTest(o))), tests: list(objects.filter(isTest)) };
}

// `--validate=strict` makes the server refuse unknown or duplicate fields; a warning (a Pod
// Security violation in a workload, a deprecated API) fails too.
async function apply(index: number, manifest: string, dryRun: boolean): Promise<string> {
  const args = [
    'apply',
    '--warnings-as-errors',
    '--validate=strict',
    '-n',
    namespaceFor(index),
    '-f',
    '-',
  ];
  if (dryRun) args.push('--dry-run=server');
  try {
    return await kubectl(args, { input: manifest, timeoutMs: 60_000 });
  } catch (error) {
    const reason = error instanceof CommandError ? error.stderr : (error as Error).message;
    throw new Error(`${profiles[index]?.name}: ${reason}`);
  }
}

describe.each(profiles.map((profile, index) => ({ name: profile.name, index })))(
  '$name',
  ({ index }) => {
    it('the API server accepts every object, with no warning', async () => {
      const ns = namespaceFor(index);
      await recreateRestrictedNamespace(ns);
      const output = await apply(index, (await render(index)).install, true);
      expect(output).toMatch(/created \(server dry run\)/);
    });

    it('applied, its test pods pass admission and a second render applies over it', async () => {
      const first = await render(index);
      await apply(index, first.install, false);
      // Helm creates the test pods after the release's objects (their ServiceAccount among them).
      expect(await apply(index, first.tests, true)).toMatch(/pod\/\S+ created \(server dry run\)/);
      // A changed immutable field (a selector, a claim template) would be refused here.
      const output = await apply(index, (await render(index)).install, true);
      expect(output).toMatch(/(configured|unchanged) \(server dry run\)/);
    });
  },
);
