// kubeconform's schemas, made here from upstream sources instead of downloaded: the Kubernetes
// OpenAPI document that ships in k8s.io/kubernetes, and the CRDs of every API group the chart can
// render (Gateway API, Prometheus Operator, kagent). The conversion is the one kubeconform's
// schemas are made with (instrumenta/openapi2jsonschema "--kubernetes --strict --stand-alone" for
// the core kinds, kubeconform's scripts/openapi2jsonschema.py for CRDs): references inlined,
// int-or-string as a oneOf, and unknown fields refused wherever an object lists its properties.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '../../chart/helpers/tools.ts';

export const kubernetesVersion = '1.36.3';

/** Go modules holding the sources, pinned; `go mod download` serves them from the proxy. */
const sources = {
  kubernetes: `k8s.io/kubernetes@v${kubernetesVersion}`,
  gatewayApi: 'sigs.k8s.io/gateway-api@v1.4.0',
  prometheusOperator: 'github.com/prometheus-operator/prometheus-operator@v0.85.0',
};

function moduleDir(module: string): string {
  const printed = execFileSync('go', ['mod', 'download', '-json', module], { encoding: 'utf8' });
  return (JSON.parse(printed) as { Dir: string }).Dir;
}

type Schema = Record<string, unknown>;

/** kubeconform's file name: kind, the group's first label, the version (kind-version for core). */
export function schemaFileName(kind: string, group: string, version: string): string {
  const suffix = group ? `-${group.split('.')[0]}-${version}` : `-${version}`;
  return `${kind.toLowerCase()}${suffix}.json`.toLowerCase();
}

function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== 'object') return schema;
  const object = schema as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(object)) {
    // Property names are data, not schema keywords: recurse into their schemas only.
    out[key] =
      key === 'properties' && value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, strict(sub)]))
        : strict(value);
  }
  if (out.format === 'int-or-string') {
    delete out.format;
    delete out.type;
    out.oneOf = [{ type: 'string' }, { type: 'integer' }];
  }
  if (out['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.oneOf = [{ type: 'string' }, { type: 'integer' }];
  }
  if (
    out.properties &&
    out.additionalProperties === undefined &&
    out['x-kubernetes-preserve-unknown-fields'] !== true
  )
    out.additionalProperties = false;
  return out;
}

/** Inlines `#/definitions/…` references; a definition inside itself becomes `{}` (any). */
function inline(schema: unknown, definitions: Record<string, Schema>, seen: string[]): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inline(item, definitions, seen));
  if (!schema || typeof schema !== 'object') return schema;
  const object = schema as Schema;
  const ref = object.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/definitions/')) {
    const name = ref.slice('#/definitions/'.length);
    if (seen.includes(name)) return {};
    const target = definitions[name];
    if (!target) throw new Error(`unresolved reference ${ref}`);
    const { $ref: _, ...rest } = object;
    return { ...(inline(target, definitions, [...seen, name]) as Schema), ...rest };
  }
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [key, inline(value, definitions, seen)]),
  );
}

function coreSchemas(out: string): number {
  const swagger = JSON.parse(
    readFileSync(path.join(moduleDir(sources.kubernetes), 'api/openapi-spec/swagger.json'), 'utf8'),
  ) as { definitions: Record<string, Schema> };
  let written = 0;
  for (const [name, definition] of Object.entries(swagger.definitions)) {
    const kinds = definition['x-kubernetes-group-version-kind'] as
      | { group: string; version: string; kind: string }[]
      | undefined;
    if (!kinds) continue;
    const schema = strict(inline(definition, swagger.definitions, [name]));
    for (const { group, version, kind } of kinds) {
      writeFileSync(path.join(out, schemaFileName(kind, group, version)), JSON.stringify(schema));
      written += 1;
    }
  }
  return written;
}

interface Crd {
  kind: string;
  spec: {
    group: string;
    names: { kind: string };
    versions: { name: string; schema?: { openAPIV3Schema: Schema } }[];
  };
}

function crdSchemas(out: string, files: string[]): number {
  let written = 0;
  for (const file of files) {
    for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
      const crd = document.toJS() as Crd | null;
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      for (const version of crd.spec.versions) {
        if (!version.schema) continue;
        writeFileSync(
          path.join(out, schemaFileName(crd.spec.names.kind, crd.spec.group, version.name)),
          JSON.stringify(strict(version.schema.openAPIV3Schema)),
        );
        written += 1;
      }
    }
  }
  return written;
}

/** Writes every schema into `out` and answers how many. */
export function writeKubeJsonSchemas(out: string): { core: number; crds: number } {
  mkdirSync(out, { recursive: true });
  const gateway = path.join(moduleDir(sources.gatewayApi), 'config/crd/standard');
  const prometheus = path.join(
    moduleDir(sources.prometheusOperator),
    'example/prometheus-operator-crd',
  );
  const kagent = path.join(repoRoot, '..', 'shared', 'reference', 'kagent-crds');
  return {
    core: coreSchemas(out),
    crds: crdSchemas(out, [
      path.join(gateway, 'gateway.networking.k8s.io_httproutes.yaml'),
      path.join(prometheus, 'monitoring.coreos.com_servicemonitors.yaml'),
      path.join(kagent, 'kagent.dev_agents.yaml'),
      path.join(kagent, 'kagent.dev_remotemcpservers.yaml'),
    ]),
  };
}
