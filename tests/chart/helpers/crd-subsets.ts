// Structural schemas for the two third-party kinds the chart can render, HTTPRoute
// (gateway.networking.k8s.io/v1) and ServiceMonitor (monitoring.coreos.com/v1). Their CRDs
// are not vendored here, so these are written from the upstream CRDs' field lists: each
// object lists only real fields, and anything else is rejected. They cover the fields the
// chart uses and their siblings, not every nested option upstream offers.
import type { StructuralSchema } from './crd-schema.ts';

const str: StructuralSchema = { type: 'string' };
const strings: StructuralSchema = { type: 'array', items: str };
const int: StructuralSchema = { type: 'integer' };
const obj = (
  properties: Record<string, StructuralSchema>,
  required: string[] = [],
): StructuralSchema => ({ type: 'object', properties, required });
const hostname = '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
const labelSelector = obj({
  matchLabels: { type: 'object', additionalProperties: str },
  matchExpressions: {
    type: 'array',
    items: obj({ key: str, operator: str, values: strings }, ['key', 'operator']),
  },
});

export const httpRouteV1: StructuralSchema = obj(
  {
    apiVersion: str,
    kind: str,
    metadata: { type: 'object' },
    spec: obj({
      parentRefs: {
        type: 'array',
        maxItems: 32,
        items: obj(
          {
            group: str,
            kind: str,
            namespace: str,
            name: { type: 'string', minLength: 1, maxLength: 253 },
            sectionName: str,
            port: { type: 'integer', minimum: 1, maximum: 65535 },
          },
          ['name'],
        ),
      },
      hostnames: {
        type: 'array',
        maxItems: 16,
        items: { type: 'string', minLength: 1, maxLength: 253, pattern: hostname },
      },
      rules: {
        type: 'array',
        maxItems: 16,
        items: obj({
          name: str,
          matches: {
            type: 'array',
            maxItems: 64,
            items: obj({
              path: obj({
                type: { type: 'string', enum: ['Exact', 'PathPrefix', 'RegularExpression'] },
                value: { type: 'string', maxLength: 1024 },
              }),
              headers: { type: 'array', items: obj({ type: str, name: str, value: str }) },
              queryParams: { type: 'array', items: obj({ type: str, name: str, value: str }) },
              method: str,
            }),
          },
          filters: {
            type: 'array',
            items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          },
          backendRefs: {
            type: 'array',
            maxItems: 16,
            items: obj(
              {
                group: str,
                kind: str,
                name: { type: 'string', minLength: 1, maxLength: 253 },
                namespace: str,
                port: { type: 'integer', minimum: 1, maximum: 65535 },
                weight: { type: 'integer', minimum: 0, maximum: 1000000 },
              },
              ['name'],
            ),
          },
          timeouts: obj({ request: str, backendRequest: str }),
        }),
      },
    }),
  },
  ['spec'],
);

const duration =
  '^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$';

export const serviceMonitorV1: StructuralSchema = obj(
  {
    apiVersion: str,
    kind: str,
    metadata: { type: 'object' },
    spec: obj(
      {
        jobLabel: str,
        targetLabels: strings,
        podTargetLabels: strings,
        sampleLimit: int,
        selector: labelSelector,
        namespaceSelector: obj({ any: { type: 'boolean' }, matchNames: strings }),
        endpoints: {
          type: 'array',
          items: obj({
            port: str,
            targetPort: { 'x-kubernetes-int-or-string': true },
            path: str,
            scheme: { type: 'string', enum: ['http', 'https', 'HTTP', 'HTTPS'] },
            interval: { type: 'string', pattern: duration },
            scrapeTimeout: { type: 'string', pattern: duration },
            honorLabels: { type: 'boolean' },
            honorTimestamps: { type: 'boolean' },
            relabelings: {
              type: 'array',
              items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            },
            metricRelabelings: {
              type: 'array',
              items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            },
          }),
        },
      },
      ['selector'],
    ),
  },
  ['spec'],
);
