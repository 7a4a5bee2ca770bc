// Validates rendered objects against the Kubernetes OpenAPI schema shipped by kubernetes-models,
// and rejects unknown fields as `kubectl apply --validate=strict` would.
//
// kubernetes-models' validators are generated from the official OpenAPI document; they check
// types, enums and required fields, and read every property the schema knows. A field they
// never read is therefore unknown to the schema: the validator runs on a proxy that records
// every property read, and each field left unread is reported.
import type { K8sObject } from './render.ts';

type ValidateFunction = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string; keyword: string; params: unknown }[] | null;
};

/** apiVersion/kind → the generated validator's module, for every core kind the chart renders. */
const modules: Record<string, string> = {
  'v1/ConfigMap': 'IoK8sApiCoreV1ConfigMap',
  'v1/Secret': 'IoK8sApiCoreV1Secret',
  'v1/Service': 'IoK8sApiCoreV1Service',
  'v1/ServiceAccount': 'IoK8sApiCoreV1ServiceAccount',
  'v1/Pod': 'IoK8sApiCoreV1Pod',
  'apps/v1/Deployment': 'IoK8sApiAppsV1Deployment',
  'apps/v1/StatefulSet': 'IoK8sApiAppsV1StatefulSet',
  'batch/v1/Job': 'IoK8sApiBatchV1Job',
  'autoscaling/v2/HorizontalPodAutoscaler': 'IoK8sApiAutoscalingV2HorizontalPodAutoscaler',
  'policy/v1/PodDisruptionBudget': 'IoK8sApiPolicyV1PodDisruptionBudget',
  'networking.k8s.io/v1/Ingress': 'IoK8sApiNetworkingV1Ingress',
  'networking.k8s.io/v1/NetworkPolicy': 'IoK8sApiNetworkingV1NetworkPolicy',
};

export function isCoreKind(object: Pick<K8sObject, 'apiVersion' | 'kind'>): boolean {
  return `${object.apiVersion}/${object.kind}` in modules;
}

const loaded = new Map<string, Promise<ValidateFunction>>();
function validatorFor(key: string): Promise<ValidateFunction> {
  const module = modules[key];
  if (!module) throw new Error(`no Kubernetes schema for ${key}`);
  let validator = loaded.get(module);
  if (!validator) {
    validator = import(`kubernetes-models/_schemas/${module}`).then(
      (m: { validate: ValidateFunction }) => m.validate,
    );
    loaded.set(module, validator);
  }
  return validator;
}

type Json = Record<string, unknown> | unknown[];

/** Wraps a JSON tree so every property read is recorded per object. */
function track(value: unknown, reads: WeakMap<object, Set<PropertyKey>>): unknown {
  if (value === null || typeof value !== 'object') return value;
  const target = value as Json;
  if (!reads.has(target)) reads.set(target, new Set());
  return new Proxy(target, {
    get(object, key, receiver) {
      reads.get(object)?.add(key);
      return track(Reflect.get(object, key, receiver), reads);
    },
  });
}

function unreadFields(
  value: unknown,
  reads: WeakMap<object, Set<PropertyKey>>,
  at: string,
  out: string[],
): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      unreadFields(item, reads, `${at}/${index}`, out);
    });
    return;
  }
  const read = reads.get(value) ?? new Set();
  for (const [key, child] of Object.entries(value)) {
    if (!read.has(key)) out.push(`${at}/${key}`);
    else unreadFields(child, reads, `${at}/${key}`, out);
  }
}

/** Schema problems of one object: type, enum and required errors, then unknown fields. */
export async function kubeSchemaProblems(object: K8sObject): Promise<string[]> {
  const validate = await validatorFor(`${object.apiVersion}/${object.kind}`);
  const reads = new WeakMap<object, Set<PropertyKey>>();
  const copy = structuredClone(object);
  const valid = validate(track(copy, reads));
  const problems = valid
    ? []
    : (validate.errors ?? []).map(
        (error) => `${error.instancePath || '/'}: ${error.keyword} ${JSON.stringify(error.params)}`,
      );
  const unknown: string[] = [];
  unreadFields(copy, reads, '', unknown);
  return [...problems, ...unknown.map((field) => `${field}: unknown field`)];
}
