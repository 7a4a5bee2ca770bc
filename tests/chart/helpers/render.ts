// Renders the chart with real Helm and parses the manifests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { chartDir, type HelmVersion, helm, type RunResult } from './tools.ts';

export type Values = Record<string, unknown>;

// biome-ignore lint/suspicious/noExplicitAny: rendered manifests are free-form; tests narrow them.
export type K8sObject = { apiVersion: string; kind: string; metadata: Meta } & Record<string, any>;
export interface Meta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface RenderOptions {
  helm?: HelmVersion;
  release?: string;
  namespace?: string;
  /** Values files, relative to the chart directory. */
  files?: string[];
  /** `--set-json` overrides: dotted path to any JSON value. */
  set?: Values;
  kubeVersion?: string;
  skipSchemaValidation?: boolean;
}

export function templateArgs(options: RenderOptions): string[] {
  const args = [
    'template',
    options.release ?? 'todo',
    chartDir,
    '--namespace',
    options.namespace ?? 'todo',
  ];
  for (const file of options.files ?? []) args.push('--values', path.join(chartDir, file));
  for (const [key, value] of Object.entries(options.set ?? {}))
    args.push('--set-json', `${key}=${JSON.stringify(value)}`);
  if (options.kubeVersion) args.push('--kube-version', options.kubeVersion);
  if (options.skipSchemaValidation) args.push('--skip-schema-validation');
  return args;
}

export function renderRaw(options: RenderOptions = {}): Promise<RunResult> {
  return helm(options.helm ?? 'helm4', templateArgs(options));
}

export function parseManifests(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((document) => document.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null && typeof object === 'object');
}

const cache = new Map<string, Promise<K8sObject[]>>();

/** Renders (cached per options) and parses; a failed render throws with Helm's message. */
export function render(options: RenderOptions = {}): Promise<K8sObject[]> {
  const key = JSON.stringify(options);
  let result = cache.get(key);
  if (!result) {
    result = renderRaw(options).then(({ code, stdout, stderr }) => {
      if (code !== 0) throw new Error(`helm template failed:\n${stderr}`);
      return parseManifests(stdout);
    });
    cache.set(key, result);
  }
  return result;
}

export function find(objects: K8sObject[], kind: string, nameSuffix = ''): K8sObject[] {
  return objects.filter((o) => o.kind === kind && o.metadata.name.endsWith(nameSuffix));
}

export function one(objects: K8sObject[], kind: string, nameSuffix = ''): K8sObject {
  const found = find(objects, kind, nameSuffix);
  if (found.length !== 1)
    throw new Error(`expected one ${kind} *${nameSuffix}, found ${found.length}`);
  return found[0] as K8sObject;
}

// biome-ignore lint/suspicious/noExplicitAny: see K8sObject.
export type PodSpec = Record<string, any>;

/** The pod spec of a workload or of a Pod. */
export function podSpecOf(object: K8sObject): PodSpec | undefined {
  if (object.kind === 'Pod') return object.spec;
  if (['Deployment', 'StatefulSet', 'Job', 'DaemonSet'].includes(object.kind))
    return object.spec?.template?.spec;
  return undefined;
}

export function podLabelsOf(object: K8sObject): Record<string, string> {
  return object.kind === 'Pod'
    ? (object.metadata.labels ?? {})
    : object.spec.template.metadata.labels;
}

/** values.yaml merged with the options' files and overrides, as Helm would see them. */
export function effectiveValues(options: RenderOptions): Values {
  const merge = (base: Values, over: Values): Values => {
    const out: Values = { ...base };
    for (const [key, value] of Object.entries(over)) {
      const current = out[key];
      out[key] =
        value &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        current &&
        typeof current === 'object' &&
        !Array.isArray(current)
          ? merge(current as Values, value as Values)
          : value;
    }
    return out;
  };
  const read = (file: string) => parse(readFileSync(path.join(chartDir, file), 'utf8')) as Values;
  let values = read('values.yaml');
  for (const file of options.files ?? []) values = merge(values, read(file));
  for (const [dotted, value] of Object.entries(options.set ?? {})) {
    const keys = dotted.split('.');
    const nested = keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Values;
    values = merge(values, nested);
  }
  return values;
}

/** A value at a dotted path. */
export function at(values: Values, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>((node, key) => (node as Values | undefined)?.[key], values);
}
