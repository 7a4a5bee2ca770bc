// Small readers over rendered manifests shared by the test files.
import { type K8sObject, type PodSpec, podLabelsOf, podSpecOf } from './render.ts';

// biome-ignore lint/suspicious/noExplicitAny: containers are free-form JSON.
export type Container = Record<string, any>;

export const workloadKinds = ['Deployment', 'StatefulSet'];

export function workloads(objects: K8sObject[]): K8sObject[] {
  return objects.filter((o) => workloadKinds.includes(o.kind));
}

export function podsAndWorkloads(objects: K8sObject[]): K8sObject[] {
  return objects.filter((o) => podSpecOf(o) !== undefined);
}

export function containersOf(spec: PodSpec, withInit = true): Container[] {
  return [...(withInit ? (spec.initContainers ?? []) : []), ...(spec.containers ?? [])];
}

export function matches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/** Workloads and Pods whose pod labels a matchLabels selector selects. */
export function selectedPods(objects: K8sObject[], selector: Record<string, string>): K8sObject[] {
  return podsAndWorkloads(objects).filter((o) => matches(selector, podLabelsOf(o)));
}

/** Values of a Secret, decoded. */
export function secretValues(secret: K8sObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(secret.data ?? {}))
    out[key] = Buffer.from(String(value), 'base64').toString('utf8');
  for (const [key, value] of Object.entries(secret.stringData ?? {})) out[key] = String(value);
  return out;
}

/** The environment a container sees from its ConfigMap refs and literal env (not secrets). */
export function plainEnv(objects: K8sObject[], container: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const name = source.configMapRef?.name;
    const map = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name);
    if (map) Object.assign(env, map.data);
  }
  for (const entry of container.env ?? []) if ('value' in entry) env[entry.name] = entry.value;
  return env;
}

export function secretEnv(container: Container): Record<string, { name: string; key: string }> {
  const out: Record<string, { name: string; key: string }> = {};
  for (const entry of container.env ?? [])
    if (entry.valueFrom?.secretKeyRef) out[entry.name] = entry.valueFrom.secretKeyRef;
  return out;
}

export function deployment(objects: K8sObject[], component: string): K8sObject {
  const found = objects.filter(
    (o) =>
      o.kind === 'Deployment' && o.metadata.labels?.['app.kubernetes.io/component'] === component,
  );
  if (found.length !== 1) throw new Error(`expected one ${component} Deployment`);
  return found[0] as K8sObject;
}

export function mainContainer(workload: K8sObject): Container {
  return podSpecOf(workload)?.containers[0];
}
