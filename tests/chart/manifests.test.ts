// Every profile of the toggle matrix, rendered by Helm 4 and Helm 3: schema validity with unknown
// fields rejected, and the invariants a platform engineer relies on.
import { describe, expect, it } from 'vitest';
import { crdSchema, kagentCrdDir, validateAgainstCrd } from './helpers/crd-schema.ts';
import { httpRouteV1, serviceMonitorV1 } from './helpers/crd-subsets.ts';
import {
  type Container,
  containersOf,
  matches,
  plainEnv,
  podsAndWorkloads,
  secretEnv,
  secretValues,
  selectedPods,
  workloads,
} from './helpers/inspect.ts';
import { isCoreKind, kubeSchemaProblems } from './helpers/kube-schema.ts';
import { profiles } from './helpers/profiles.ts';
import {
  at,
  effectiveValues,
  type K8sObject,
  podLabelsOf,
  podSpecOf,
  render,
} from './helpers/render.ts';

const kagentSchemas: Record<string, string> = {
  'kagent.dev/v1alpha2/Agent': 'kagent.dev_agents.yaml',
  'kagent.dev/v1alpha2/RemoteMCPServer': 'kagent.dev_remotemcpservers.yaml',
};

async function schemaProblems(object: K8sObject): Promise<string[]> {
  const key = `${object.apiVersion}/${object.kind}`;
  if (isCoreKind(object)) return kubeSchemaProblems(object);
  if (key === 'gateway.networking.k8s.io/v1/HTTPRoute')
    return validateAgainstCrd(object, httpRouteV1).problems;
  if (key === 'monitoring.coreos.com/v1/ServiceMonitor')
    return validateAgainstCrd(object, serviceMonitorV1).problems;
  const kagentFile = kagentSchemas[key];
  if (kagentFile)
    return validateAgainstCrd(object, crdSchema(`${kagentCrdDir}/${kagentFile}`, object.apiVersion))
      .problems;
  return [`${key}: no schema to validate this kind against`];
}

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function effectiveSecurity(spec: Record<string, unknown>, container: Container) {
  const pod = (spec.securityContext ?? {}) as Record<string, unknown>;
  const own = (container.securityContext ?? {}) as Record<string, unknown>;
  const pick = (key: string) => (key in own ? own[key] : pod[key]);
  return {
    runAsNonRoot: pick('runAsNonRoot'),
    runAsUser: pick('runAsUser'),
    seccomp: (pick('seccompProfile') as { type?: string } | undefined)?.type,
    allowPrivilegeEscalation: own.allowPrivilegeEscalation,
    privileged: own.privileged,
    drop: ((own.capabilities as { drop?: string[] } | undefined)?.drop ?? []) as string[],
    add: ((own.capabilities as { add?: string[] } | undefined)?.add ?? []) as string[],
    readOnlyRootFilesystem: own.readOnlyRootFilesystem,
  };
}

/** Fewest replicas a Deployment runs with: its HPA's minReplicas, else spec.replicas. */
function minReplicas(objects: K8sObject[], workload: K8sObject): number {
  const hpa = objects.find(
    (o) =>
      o.kind === 'HorizontalPodAutoscaler' &&
      o.spec.scaleTargetRef.kind === workload.kind &&
      o.spec.scaleTargetRef.name === workload.metadata.name,
  );
  return hpa ? hpa.spec.minReplicas : (workload.spec.replicas ?? 1);
}

describe.each(profiles)('$name', ({ options }) => {
  const helm4 = () => render({ ...options, helm: 'helm4' });
  const helm3 = () => render({ ...options, helm: 'helm3' });

  it('every object is valid against the Kubernetes schema, unknown fields rejected', async () => {
    for (const objects of [await helm4(), await helm3()]) {
      expect(objects.length).toBeGreaterThan(5);
      for (const object of objects) {
        expect(await schemaProblems(object), `${object.kind}/${object.metadata.name}`).toEqual([]);
      }
    }
  });

  it('Helm 3 and Helm 4 render the same objects', async () => {
    const withoutGenerated = (objects: K8sObject[]) =>
      objects.map((o) => (o.kind === 'Secret' ? { ...o, data: Object.keys(o.data ?? {}) } : o));
    expect(withoutGenerated(await helm3())).toEqual(withoutGenerated(await helm4()));
  });

  it('every container has probes, resources and a restricted security context', async () => {
    const objects = await helm4();
    for (const object of podsAndWorkloads(objects)) {
      const spec = podSpecOf(object) ?? {};
      const where = `${object.kind}/${object.metadata.name}`;
      expect(spec.automountServiceAccountToken, where).toBe(false);
      expect(spec.hostNetwork ?? false, where).toBe(false);
      expect(spec.hostPID ?? false, where).toBe(false);
      expect(spec.hostIPC ?? false, where).toBe(false);
      for (const volume of spec.volumes ?? []) {
        const types = Object.keys(volume).filter((key) => key !== 'name');
        expect(
          types.every((t) =>
            [
              'emptyDir',
              'secret',
              'configMap',
              'persistentVolumeClaim',
              'projected',
              'downwardAPI',
              'ephemeral',
              'csi',
            ].includes(t),
          ),
          `${where} volume ${volume.name}`,
        ).toBe(true);
      }
      for (const container of containersOf(spec)) {
        const at = `${where} container ${container.name}`;
        const isInit = (spec.initContainers ?? []).includes(container);
        if (object.kind !== 'Pod' && !isInit) {
          for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'])
            expect(container[probe], `${at} ${probe}`).toBeDefined();
        }
        for (const kind of ['requests', 'limits'])
          for (const resource of ['cpu', 'memory'])
            expect(
              container.resources?.[kind]?.[resource],
              `${at} ${kind}.${resource}`,
            ).toBeDefined();
        const security = effectiveSecurity(spec, container);
        expect(security.runAsNonRoot, at).toBe(true);
        expect(Number(security.runAsUser), at).toBeGreaterThan(0);
        expect(Number.isInteger(security.runAsUser), at).toBe(true);
        expect(security.seccomp, at).toBe('RuntimeDefault');
        expect(security.allowPrivilegeEscalation, at).toBe(false);
        expect(security.privileged ?? false, at).toBe(false);
        expect(security.drop, at).toContain('ALL');
        expect(security.add, at).toEqual([]);
        expect(security.readOnlyRootFilesystem, at).toBe(true);
        expect(container.ports?.some((p: { hostPort?: number }) => p.hostPort) ?? false, at).toBe(
          false,
        );
      }
    }
  });

  it('the root file system is read-only and /tmp is an emptyDir in every container', async () => {
    const objects = await helm4();
    for (const object of podsAndWorkloads(objects)) {
      const spec = podSpecOf(object) ?? {};
      const emptyDirs = new Set(
        (spec.volumes ?? [])
          .filter((v: { emptyDir?: unknown }) => v.emptyDir)
          .map((v: { name: string }) => v.name),
      );
      for (const container of containersOf(spec)) {
        const tmp = (container.volumeMounts ?? []).find(
          (m: { mountPath: string }) => m.mountPath === '/tmp',
        );
        expect(tmp, `${object.metadata.name}/${container.name}`).toBeDefined();
        expect(emptyDirs.has(tmp.name)).toBe(true);
      }
    }
  });

  it('selectors match pod labels, and every selector selects pods of this release', async () => {
    const objects = await helm4();
    for (const workload of workloads(objects)) {
      expect(matches(workload.spec.selector.matchLabels, podLabelsOf(workload))).toBe(true);
      for (const constraint of workload.spec.template.spec.topologySpreadConstraints ?? [])
        expect(matches(constraint.labelSelector.matchLabels, podLabelsOf(workload))).toBe(true);
    }
    for (const service of objects.filter((o) => o.kind === 'Service')) {
      const selected = selectedPods(objects, service.spec.selector).filter((o) => o.kind !== 'Pod');
      expect(selected, `Service ${service.metadata.name}`).toHaveLength(1);
    }
    for (const pdb of objects.filter((o) => o.kind === 'PodDisruptionBudget'))
      expect(selectedPods(objects, pdb.spec.selector.matchLabels)).toHaveLength(1);
    for (const policy of objects.filter((o) => o.kind === 'NetworkPolicy'))
      expect(selectedPods(objects, policy.spec.podSelector.matchLabels).length).toBeGreaterThan(0);
    for (const hpa of objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
      const target = objects.find(
        (o) =>
          o.kind === hpa.spec.scaleTargetRef.kind &&
          o.metadata.name === hpa.spec.scaleTargetRef.name,
      );
      expect(target, hpa.metadata.name).toBeDefined();
      expect(
        target?.spec.replicas,
        'an autoscaled Deployment leaves replicas to the HPA',
      ).toBeUndefined();
    }
    for (const monitor of objects.filter((o) => o.kind === 'ServiceMonitor')) {
      const services = objects.filter(
        (o) =>
          o.kind === 'Service' &&
          matches(monitor.spec.selector.matchLabels, o.metadata.labels ?? {}),
      );
      expect(services.map((s) => s.metadata.name)).toEqual([expect.stringMatching(/-api$/)]);
      expect(services[0]?.spec.ports.map((p: { name: string }) => p.name)).toContain(
        monitor.spec.endpoints[0].port,
      );
    }
  });

  it('Service target ports exist on the containers they select', async () => {
    const objects = await helm4();
    for (const service of objects.filter((o) => o.kind === 'Service')) {
      const [workload] = selectedPods(objects, service.spec.selector).filter(
        (o) => o.kind !== 'Pod',
      );
      const ports = containersOf(podSpecOf(workload as K8sObject) ?? {}, false).flatMap(
        (c) => c.ports ?? [],
      );
      for (const port of service.spec.ports) {
        const target = port.targetPort;
        const found = ports.some(
          (p: { name?: string; containerPort: number }) =>
            (typeof target === 'string' && p.name === target) || p.containerPort === target,
        );
        expect(found, `${service.metadata.name} → ${target}`).toBe(true);
      }
    }
  });

  it('routes point at Services of the release on ports they expose', async () => {
    const objects = await helm4();
    const servicePorts = (name: string) =>
      objects
        .find((o) => o.kind === 'Service' && o.metadata.name === name)
        ?.spec.ports.flatMap((p: { name: string; port: number }) => [p.name, p.port]) ?? [];
    for (const ingress of objects.filter((o) => o.kind === 'Ingress'))
      for (const rule of ingress.spec.rules)
        for (const path of rule.http.paths) {
          const { name, port } = path.backend.service;
          expect(servicePorts(name), `${path.path} → ${name}`).toContain(port.name ?? port.number);
        }
    for (const route of objects.filter((o) => o.kind === 'HTTPRoute'))
      for (const rule of route.spec.rules)
        for (const backend of rule.backendRefs)
          expect(servicePorts(backend.name)).toContain(backend.port);
  });

  it('ConfigMaps hold no secret: no secret names as keys, no Secret value inside', async () => {
    const objects = await helm4();
    const secrets = objects
      .filter((o) => o.kind === 'Secret')
      .flatMap((s) => Object.values(secretValues(s)))
      .filter((value) => value.length >= 8);
    for (const map of objects.filter((o) => o.kind === 'ConfigMap')) {
      for (const [key, value] of Object.entries(map.data ?? {})) {
        expect(key).not.toMatch(/SECRET|PASSWORD|API_KEY|TOKEN|DATABASE_URL/);
        for (const secret of secrets) expect(String(value)).not.toContain(secret);
        expect(String(value)).not.toMatch(/postgres(ql)?:\/\/[^@\s]*:[^@\s]*@/);
      }
    }
  });

  it('images are pinned: never `latest`, always a tag or a digest', async () => {
    const objects = await helm4();
    for (const object of podsAndWorkloads(objects))
      for (const container of containersOf(podSpecOf(object) ?? {})) {
        const image: string = container.image;
        expect(image).not.toMatch(/:latest(@|$)/);
        expect(image).toMatch(/:[\w.-]+(@sha256:[a-f0-9]{64})?$/);
      }
  });

  it('no command or argument holds `$$`, which Kubernetes turns into a literal `$`', async () => {
    const objects = await helm4();
    for (const object of podsAndWorkloads(objects))
      for (const container of containersOf(podSpecOf(object) ?? {}))
        for (const word of [...(container.command ?? []), ...(container.args ?? [])])
          expect(word, `${object.kind}/${object.metadata.name} ${container.name}`).not.toContain(
            '$$',
          );
  });

  it('names fit: DNS labels of at most 63 characters, StatefulSets 52, label values 63', async () => {
    const objects = await helm4();
    const seen = new Set<string>();
    for (const object of objects) {
      const { name, labels = {} } = object.metadata;
      expect(name, object.kind).toMatch(dnsLabel);
      expect(name.length, name).toBeLessThanOrEqual(object.kind === 'StatefulSet' ? 52 : 63);
      const key = `${object.kind}/${name}`;
      expect(seen.has(key), `duplicate ${key}`).toBe(false);
      seen.add(key);
      for (const value of Object.values({
        ...labels,
        ...(podSpecOf(object) ? podLabelsOf(object) : {}),
      }))
        expect(String(value).length, `${name} label ${value}`).toBeLessThanOrEqual(63);
    }
  });

  it('the API gets DATABASE_URL and BETTER_AUTH_SECRET from Secrets, never from a ConfigMap', async () => {
    const objects = await helm4();
    const api = objects.find(
      (o) =>
        o.kind === 'Deployment' && o.metadata.labels?.['app.kubernetes.io/component'] === 'api',
    ) as K8sObject;
    const values = effectiveValues(options);
    const namedInValues = [
      at(values, 'secrets.existingSecret'),
      at(values, 'externalDatabase.existingSecret'),
    ];
    for (const container of containersOf(podSpecOf(api) ?? {})) {
      const fromSecrets = secretEnv(container);
      expect(Object.keys(fromSecrets)).toEqual(
        expect.arrayContaining(['DATABASE_URL', 'BETTER_AUTH_SECRET']),
      );
      expect(plainEnv(objects, container)).not.toHaveProperty('DATABASE_URL');
      for (const [name, ref] of Object.entries(fromSecrets)) {
        const secret = objects.find((o) => o.kind === 'Secret' && o.metadata.name === ref.name);
        // Either the chart renders it with that key, or it is a Secret named in values.
        if (secret) expect(Object.keys(secret.data ?? {}), name).toContain(ref.key);
        else expect(namedInValues, `${name} from ${ref.name}`).toContain(ref.name);
      }
    }
  });

  it('RollingUpdate never drops below the desired replicas; shutdown fits the grace period', async () => {
    const objects = await helm4();
    for (const workload of objects.filter((o) => o.kind === 'Deployment')) {
      expect(workload.spec.strategy.type).toBe('RollingUpdate');
      expect(workload.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
      const spec = podSpecOf(workload) ?? {};
      const container = spec.containers[0];
      const preStop = container.lifecycle?.preStop?.sleep?.seconds ?? 0;
      const env = plainEnv(objects, container);
      const delay = Number(env.SHUTDOWN_DELAY_MS ?? 0) / 1000;
      const timeout = Number(env.SHUTDOWN_TIMEOUT_MS ?? 0) / 1000;
      expect(spec.terminationGracePeriodSeconds).toBeGreaterThan(preStop + delay + timeout + 5);
      expect(container.lifecycle?.preStop?.exec, 'the images have no shell').toBeUndefined();
      // Something must hold the pod in the endpoints while they drain.
      expect(preStop + delay, workload.metadata.name).toBeGreaterThan(0);
    }
  });

  it('a PodDisruptionBudget exists only where it cannot block a drain', async () => {
    const objects = await helm4();
    for (const workload of objects.filter((o) => o.kind === 'Deployment')) {
      const pdbs = objects.filter(
        (o) =>
          o.kind === 'PodDisruptionBudget' &&
          matches(o.spec.selector.matchLabels, podLabelsOf(workload)),
      );
      const min = minReplicas(objects, workload);
      expect(pdbs.length, workload.metadata.name).toBe(min > 1 ? 1 : 0);
      for (const pdb of pdbs) {
        expect(pdb.spec.minAvailable).toBeUndefined();
        expect(pdb.spec.maxUnavailable).toBeGreaterThanOrEqual(1);
        expect(pdb.spec.unhealthyPodEvictionPolicy).toBe('AlwaysAllow');
      }
    }
  });

  it('pods roll when their configuration changes: checksum annotations', async () => {
    const objects = await helm4();
    for (const workload of objects.filter((o) => o.kind === 'Deployment')) {
      const annotations = workload.spec.template.metadata.annotations ?? {};
      expect(
        Object.keys(annotations).some((k) => k.startsWith('checksum/')),
        workload.metadata.name,
      ).toBe(true);
    }
  });
});
