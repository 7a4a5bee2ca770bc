// Named value sets that together switch every template and branch of the chart on.
import type { RenderOptions, Values } from './render.ts';

const fixedSecrets: Values = {
  // Fixed, so two renders of a profile are byte-identical (generated ones are random here).
  'secrets.betterAuthSecret': 'test-only-session-secret-0123456789abcdef',
  'postgresql.auth.password': 'test-only-db-password',
};

export const toggles = {
  /** Every optional object on, with the in-chart database. */
  everything: {
    ...fixedSecrets,
    'ingress.enabled': true,
    'ingress.className': 'nginx',
    'ingress.tls.enabled': true,
    'ingress.annotations': { 'example.com/annotation': 'yes' },
    'httpRoute.enabled': true,
    'httpRoute.parentRefs': [
      { name: 'gateway', namespace: 'gateway-system', sectionName: 'https' },
    ],
    'networkPolicy.enabled': true,
    'networkPolicy.metricsFrom': [
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } },
    ],
    'networkPolicy.apiExtraFrom': [
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kagent' } } },
    ],
    'networkPolicy.llm.to': [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }],
    'metrics.serviceMonitor.enabled': true,
    'metrics.serviceMonitor.labels': { release: 'prometheus' },
    'api.autoscaling.enabled': true,
    'api.autoscaling.targetMemoryUtilizationPercentage': 80,
    'api.autoscaling.behavior': { scaleDown: { stabilizationWindowSeconds: 300 } },
    'web.autoscaling.enabled': true,
    'config.llm.provider': 'openai',
    'config.llm.baseUrl': 'https://api.openai.com/v1',
    'config.trustedOrigins': ['https://admin.example.com'],
    'secrets.openaiApiKey': 'sk-test-only',
    'kagent.enabled': true,
    'kagent.mcp.authSecretName': 'todo-mcp-token',
    'kagent.extraTools': [
      {
        type: 'McpServer',
        mcpServer: {
          apiGroup: 'kagent.dev',
          kind: 'RemoteMCPServer',
          name: 'kagent-tool-server',
          toolNames: ['k8s_get_resources'],
        },
      },
    ],
    imagePullSecrets: [{ name: 'registry-credentials' }],
    commonLabels: { team: 'todo' },
    commonAnnotations: { 'example.com/owner': 'todo-team' },
    'api.podAnnotations': { 'example.com/pod': 'api' },
    'api.extraEnvVars': [{ name: 'EXTRA', value: '1' }],
    'api.extraEnvFrom': [{ configMapRef: { name: 'more-settings' } }],
    'api.extraVolumes': [{ name: 'extra', emptyDir: {} }],
    'api.extraVolumeMounts': [{ name: 'extra', mountPath: '/extra' }],
    'web.extraVolumes': [{ name: 'extra', emptyDir: {} }],
    'web.extraVolumeMounts': [{ name: 'extra', mountPath: '/extra', readOnly: true }],
    'web.extraEnvVars': [{ name: 'EXTRA', value: '1' }],
    'web.service.type': 'LoadBalancer',
    'api.tolerations': [
      { key: 'dedicated', operator: 'Equal', value: 'todo', effect: 'NoSchedule' },
    ],
    'api.affinity': {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 1,
            preference: { matchExpressions: [{ key: 'pool', operator: 'In', values: ['apps'] }] },
          },
        ],
      },
    },
    'api.nodeSelector': { 'kubernetes.io/os': 'linux' },
    'api.priorityClassName': 'todo-high',
    'postgresql.nodeSelector': { 'kubernetes.io/os': 'linux' },
  },
  /** External database from a Secret managed elsewhere; app secrets from one too. */
  externalSecret: {
    'postgresql.enabled': false,
    'secrets.existingSecret': 'todo-managed',
    'secrets.existingSecretKeys.betterAuthSecret': 'auth-secret',
    'secrets.existingSecretKeys.openaiApiKey': 'llm-key',
    'externalDatabase.existingSecret': 'todo-db',
    'externalDatabase.existingSecretKey': 'uri',
    'api.replicaCount': 3,
    'web.replicaCount': 2,
    'migrations.mode': 'startup',
    'networkPolicy.enabled': true,
    'api.image.digest': `sha256:${'a'.repeat(64)}`,
    'web.image.tag': '0.1.0-rc.1',
  },
  /** External database URL stored in the chart's Secret; Gateway API only; NodePort web. */
  externalUrl: {
    ...fixedSecrets,
    'postgresql.enabled': false,
    'externalDatabase.url': 'postgresql://todo:test-only@db.example.com:5432/todo?sslmode=require',
    'networkPolicy.enabled': true,
    'networkPolicy.externalDatabase.to': [{ ipBlock: { cidr: '203.0.113.10/32' } }],
    'httpRoute.enabled': true,
    'httpRoute.https': true,
    'httpRoute.hostnames': ['todo.example.com'],
    'httpRoute.parentRefs': [{ name: 'gateway' }],
    'web.service.type': 'NodePort',
    'web.service.nodePort': 30080,
    'migrations.mode': 'none',
    'api.preStopSleepSeconds': 0,
    'api.shutdownDelayMs': 5000,
    'web.topologySpread.enabled': false,
  },
  /** In-chart database without a volume, and a release name as long as Helm allows. */
  ephemeral: {
    ...fixedSecrets,
    'postgresql.persistence.enabled': false,
    'serviceAccount.create': false,
  },
} satisfies Record<string, Values>;

export interface Profile {
  name: string;
  options: RenderOptions;
}

const longRelease = 'a-release-name-exactly-as-long-as-helm-allows-53chars';

/** The matrix every invariant test runs over. */
export const profiles: Profile[] = [
  { name: 'defaults', options: {} },
  { name: 'values-local.yaml', options: { files: ['values-local.yaml'] } },
  { name: 'values-production.yaml', options: { files: ['values-production.yaml'] } },
  { name: 'everything on', options: { set: toggles.everything } },
  { name: 'external database Secret', options: { set: toggles.externalSecret } },
  { name: 'external database URL', options: { set: toggles.externalUrl } },
  {
    name: 'ephemeral database, 53-character release',
    options: { set: toggles.ephemeral, release: longRelease },
  },
];
