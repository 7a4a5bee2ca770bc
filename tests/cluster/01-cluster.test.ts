// The cluster itself: every component is the pinned upstream build and healthy, DNS and the
// default StorageClass work from a pod, up.sh reuses a healthy cluster, and a crash-looping pod
// is reported with its logs and events.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../chart/helpers/tools.ts';
import {
  cluster,
  diagnostics,
  kubectl,
  kubectlJson,
  localClusterDir,
  namespace,
  pods,
  recreateRestrictedNamespace,
  restarts,
  waitFor,
} from './support/cluster.ts';
import { record } from './support/figures.ts';
import { restrictedPod } from './support/pods.ts';

const moduleVersion = (dir: string, module: string) =>
  execFileSync(
    'bash',
    ['-c', `source "${localClusterDir}/lib.sh" && module_version "${dir}" "${module}"`],
    { encoding: 'utf8' },
  ).trim();

// The chart's pods must meet the restricted Pod Security Standard; the API server enforces it.
beforeAll(() => recreateRestrictedNamespace(namespace));

describe('components', () => {
  it('every component runs the pinned version', async () => {
    const expected = cluster().kubernetesVersion;
    const server = JSON.parse(await kubectl(['get', '--raw', '/version']));
    expect(server.gitVersion).toBe(expected);
    const [node] = (await kubectlJson(['get', 'nodes'])).items;
    expect(node.status.nodeInfo.kubeletVersion).toBe(expected);
    const containerd = moduleVersion('containerd', 'github.com/containerd/containerd/v2');
    expect(node.status.nodeInfo.containerRuntimeVersion).toBe(
      `containerd://${containerd.slice(1)}`,
    );
    const etcd = JSON.parse(
      execFileSync('curl', ['-fs', 'http://127.0.0.1:2379/version'], { encoding: 'utf8' }),
    );
    expect(`v${etcd.etcdserver}`).toBe(moduleVersion('etcd', 'go.etcd.io/etcd/server/v3'));
    const bin = cluster().bin;
    for (const component of ['kube-controller-manager', 'kube-scheduler', 'kube-proxy']) {
      const printed = execFileSync(path.join(bin, component), ['--version'], { encoding: 'utf8' });
      expect(printed.trim()).toBe(`Kubernetes ${expected}`);
    }
    const coredns = execFileSync(path.join(bin, 'coredns'), ['-version'], { encoding: 'utf8' });
    expect(coredns).toContain(
      `CoreDNS-${moduleVersion('coredns', 'github.com/coredns/coredns').slice(1)}`,
    );
    record('Kubernetes', expected);
    record('etcd', `v${etcd.etcdserver}`);
    record('containerd', containerd);
    record(
      'runc (Debian)',
      execFileSync('runc', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? '',
    );
    record(
      'CNI plugins (Debian)',
      execFileSync('dpkg-query', ['-W', 'containernetworking-plugins'], { encoding: 'utf8' })
        .trim()
        .split('\t')[1] ?? '',
    );
    record('CoreDNS', moduleVersion('coredns', 'github.com/coredns/coredns'));
    record(
      'local-path-provisioner',
      moduleVersion('local-path-provisioner', 'github.com/rancher/local-path-provisioner'),
    );
    for (const [name, dir, module, pattern] of [
      ['metrics-server', 'metrics-server', 'sigs.k8s.io/metrics-server', /^(v[\d.]+)$/m],
      [
        'kube-router',
        'kube-router',
        'github.com/cloudnativelabs/kube-router/v2',
        /version (v[\d.]+)/,
      ],
      ['traefik', 'traefik', 'github.com/traefik/traefik/v3', /^Version:\s+(v[\d.]+)$/m],
    ] as const) {
      // kube-router prints its version on stderr.
      const run = spawnSync(path.join(bin, name), [name === 'traefik' ? 'version' : '--version'], {
        encoding: 'utf8',
      });
      const printed = `${run.stdout}${run.stderr}`;
      const pinned = moduleVersion(dir, module);
      expect(pattern.exec(printed)?.[1], name).toBe(pinned);
      record(name, pinned);
    }
  });

  it('the node is Ready and the system pods are running without restarts', async () => {
    const [node] = (await kubectlJson(['get', 'nodes'])).items;
    const ready = node.status.conditions.find((c: { type: string }) => c.type === 'Ready');
    expect(ready.status).toBe('True');
    for (const [ns, selector] of [
      ['kube-system', 'k8s-app=kube-dns'],
      ['local-path-storage', 'app=local-path-provisioner'],
      ['kube-system', 'k8s-app=metrics-server'],
      ['kube-system', 'app.kubernetes.io/name=traefik'],
    ] as const) {
      const found = await pods(selector, ns);
      expect(found.length, `${ns} ${selector}`).toBe(1);
      expect(found[0]?.status.phase).toBe('Running');
      expect(restarts(found[0] as never)).toBe(0);
    }
  });

  it('the resource metrics API reports the node, and Traefik serves its Gateway', async () => {
    const node = JSON.parse(await kubectl(['get', '--raw', '/apis/metrics.k8s.io/v1beta1/nodes']));
    expect(node.items).toHaveLength(1);
    expect(node.items[0].usage.cpu).toMatch(/^\d+n$/);
    const gateway = await kubectlJson(['-n', 'kube-system', 'get', 'gateway', 'traefik']);
    const programmed = gateway.status.conditions.find(
      (c: { type: string }) => c.type === 'Programmed',
    );
    expect(programmed.status).toBe('True');
  });

  it('a pod resolves Services through CoreDNS and writes to a volume of the default StorageClass', async () => {
    const classes = (await kubectlJson(['get', 'storageclass'])).items;
    const defaults = classes.filter(
      (c: { metadata: { annotations?: Record<string, string> } }) =>
        c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
    );
    expect(defaults.map((c: { metadata: { name: string } }) => c.metadata.name)).toEqual([
      'local-path',
    ]);

    await kubectl(['apply', '-n', namespace, '-f', '-'], {
      input: JSON.stringify({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'cluster-check' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '16Mi' } } },
      }),
    });
    const pod = restrictedPod('cluster-check', [
      'getent hosts kubernetes.default.svc.cluster.local',
      'getent hosts kube-dns.kube-system.svc.cluster.local',
      'echo written-by-a-pod > /data/check && cat /data/check',
    ]);
    pod.spec.volumes = [{ name: 'data', persistentVolumeClaim: { claimName: 'cluster-check' } }];
    pod.spec.containers[0].volumeMounts = [{ name: 'data', mountPath: '/data' }];
    await kubectl(['apply', '-n', namespace, '-f', '-'], { input: JSON.stringify(pod) });
    const phase = await waitFor(
      'the check pod to finish',
      async () => {
        const p = await kubectlJson(['-n', namespace, 'get', 'pod', 'cluster-check']);
        return ['Succeeded', 'Failed'].includes(p.status.phase) ? p.status.phase : undefined;
      },
      120_000,
    );
    const logs = await kubectl(['-n', namespace, 'logs', 'cluster-check']);
    expect(phase, logs).toBe('Succeeded');
    expect(logs).toMatch(/^10\.96\.0\.1\s+kubernetes\.default\.svc\.cluster\.local$/m);
    expect(logs).toMatch(/^10\.96\.0\.10\s+kube-dns\.kube-system\.svc\.cluster\.local$/m);
    expect(logs).toContain('written-by-a-pod');
    const claim = await kubectlJson(['-n', namespace, 'get', 'pvc', 'cluster-check']);
    expect(claim.status.phase).toBe('Bound');
    await kubectl([
      '-n',
      namespace,
      'delete',
      'pod/cluster-check',
      'pvc/cluster-check',
      '--wait=true',
    ]);
  });
});

describe('operations', () => {
  it('the scripts that build, start and stop the cluster pass shellcheck', () => {
    const scripts = [
      'build.sh',
      'images.sh',
      'pki.sh',
      'up.sh',
      'down.sh',
      'load-images.sh',
      'lib.sh',
    ];
    const result = spawnSync(
      'shellcheck',
      ['-x', ...scripts, path.join(repoRoot, 'tests/cluster/host-state.sh')],
      {
        cwd: localClusterDir,
        encoding: 'utf8',
      },
    );
    expect(result.error).toBeUndefined();
    expect(result.status, result.stdout).toBe(0);
  });

  it('up.sh again reuses the healthy cluster instead of starting a second one', async () => {
    const before = (await kubectlJson(['get', 'nodes'])).items[0].metadata.uid;
    const started = Date.now();
    const result = spawnSync('bash', [path.join(localClusterDir, 'up.sh')], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('reusing the cluster that is already up');
    expect(Date.now() - started).toBeLessThan(30_000);
    const after = (await kubectlJson(['get', 'nodes'])).items[0].metadata.uid;
    expect(after).toBe(before);
  });

  it('a crash-looping pod is reported with its logs and its events', async () => {
    const pod = restrictedPod('crash-loop', ['echo crash-loop-marker', 'exit 3']);
    pod.spec.restartPolicy = 'Always';
    await kubectl(['apply', '-n', namespace, '-f', '-'], { input: JSON.stringify(pod) });
    await waitFor(
      'the kubelet to back off restarting the pod',
      async () => {
        const events = await kubectlJson([
          '-n',
          namespace,
          'get',
          'events',
          '--field-selector',
          'involvedObject.name=crash-loop,reason=BackOff',
        ]);
        return events.items.length > 0;
      },
      90_000,
    );
    const report = await diagnostics();
    expect(report).toContain('previous logs of crash-loop/main');
    expect(report).toContain('crash-loop-marker');
    expect(report).toMatch(/BackOff|Back-off/);
    await kubectl(['-n', namespace, 'delete', 'pod', 'crash-loop', '--wait=true']);
  });
});
