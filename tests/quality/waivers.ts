// Every finding of an independent checker that is not fixed is waived here, once, with the reason.
// docs/quality.md lists the same table for readers; each waiver must still match a finding.

export interface Finding {
  tool: string;
  rule: string;
  /** File and line, or profile and object: `values-local.yaml Deployment/todo-…-web (web)`. */
  where: string;
  message: string;
}

export interface Waiver {
  tool: string;
  rule: string;
  /** Limits the waiver to these places; every place when absent. */
  where?: RegExp;
  reason: string;
}

const testPods = /Pod\/todo-todo-chatbot-test-|Pod\/a-release-name-.*-test-/;
const networkPolicyOff =
  /^(defaults|values-local\.yaml|external database (Secret|URL)|ephemeral database, 53-character release) /;
const nonRootImageUsers =
  /(web|postgresql|test-[a-z0-9-]+) |\((web|postgresql|api-ready|web-proxy|e2e)\)/;

export const waivers: Waiver[] = [
  {
    tool: 'hadolint',
    rule: 'DL3008',
    where: /^apps\/api\/Dockerfile:/,
    reason:
      'binutils is installed in a build stage only (to strip node); pinning a Debian point release breaks the build at the next one',
  },
  {
    tool: 'hadolint',
    rule: 'DL3025',
    where: /^apps\/web\/Dockerfile:/,
    reason:
      'the HEALTHCHECK needs a shell to expand $NGINX_PORT; JSON form would only wrap the same line in sh -c',
  },
  {
    tool: 'kube-score',
    rule: 'container-image-pull-policy',
    reason:
      'images are pinned to the chart’s version tag (or a digest), so IfNotPresent is exact; Always breaks images loaded into the node (Minikube, the CI cluster)',
  },
  {
    tool: 'checkov',
    rule: 'CKV_K8S_15',
    reason:
      'images are pinned to the chart’s version tag (or a digest), so IfNotPresent is exact; Always breaks images loaded into the node (Minikube, the CI cluster)',
  },
  {
    tool: 'checkov',
    rule: 'CKV_K8S_43',
    reason:
      'every image takes `image.digest` (documented in values.yaml); the defaults use version tags because locally built images have no registry digest',
  },
  {
    tool: 'kube-score',
    rule: 'container-ephemeral-storage-request-and-limit',
    reason:
      'every writable path is an emptyDir with a sizeLimit (the kubelet evicts a pod past it) and logs are rotated by the kubelet; a container limit would also cap the ephemeral database’s data',
  },
  {
    tool: 'kube-score',
    rule: 'pod-networkpolicy',
    where: networkPolicyOff,
    reason:
      'networkPolicy.enabled is off by default (it needs an enforcing CNI); the production and everything-on profiles turn it on and have no such finding',
  },
  {
    tool: 'checkov',
    rule: 'CKV2_K8S_6',
    where: networkPolicyOff,
    reason:
      'networkPolicy.enabled is off by default (it needs an enforcing CNI); the production and everything-on profiles turn it on and have no such finding',
  },
  {
    tool: 'kube-score',
    rule: 'container-security-context-user-group-id',
    where: nonRootImageUsers,
    reason:
      'the uid is the non-root user its upstream image owns files as (nginx 101, postgres 70, curl 100); no host path is mounted, so no host user can share files with it',
  },
  {
    tool: 'checkov',
    rule: 'CKV_K8S_40',
    where: nonRootImageUsers,
    reason:
      'the uid is the non-root user its upstream image owns files as (nginx 101, postgres 70, curl 100); no host path is mounted, so no host user can share files with it',
  },
  {
    tool: 'checkov',
    rule: 'CKV_K8S_8',
    where: testPods,
    reason: 'helm test pods run once to completion; there is nothing to probe',
  },
  {
    tool: 'checkov',
    rule: 'CKV_K8S_9',
    where: testPods,
    reason: 'helm test pods run once to completion; there is nothing to probe',
  },
  {
    tool: 'checkov',
    rule: 'CKV_K8S_35',
    reason:
      'the app reads its configuration from the environment (12-factor); secrets come from secretKeyRef, so they are never in a manifest, and the app never logs its environment',
  },
  {
    tool: 'kube-score',
    rule: 'pod-probes-identical',
    where: /(Deployment\/[a-z0-9-]+-web|StatefulSet\/[a-z0-9-]+-postgresql)( |$)/,
    reason:
      'web and PostgreSQL have one health signal each (nginx answering /healthz, pg_isready); liveness gives up after 30–60 s, readiness after 10–15 s, so a slow pod leaves rotation long before it is restarted',
  },
  {
    tool: 'kube-score',
    rule: 'pod-networkpolicy',
    where: testPods,
    reason:
      'helm test pods are short-lived clients of the app; the app’s policies admit them by label, and they hold no data to protect',
  },
  {
    tool: 'checkov',
    rule: 'CKV2_K8S_6',
    where: testPods,
    reason:
      'helm test pods are short-lived clients of the app; the app’s policies admit them by label, and they hold no data to protect',
  },
  {
    tool: 'kube-score',
    rule: 'deployment-has-host-podantiaffinity',
    reason:
      'replicas spread over nodes and zones with topologySpreadConstraints (maxSkew 1), the newer mechanism; kube-score reads only podAntiAffinity',
  },
  {
    tool: 'kube-score',
    rule: 'service-type',
    where: /^external database URL /,
    reason: 'this profile sets a NodePort Service on purpose, as Minikube users do',
  },
  {
    tool: 'kube-score',
    rule: 'deployment-replicas',
    where:
      /^(defaults|values-local\.yaml|external database (Secret|URL)|ephemeral database, 53-character release) /,
    reason: 'one replica is the laptop and Minikube default; the production profile runs 3 or more',
  },
  {
    tool: 'mcp-inspector',
    rule: 'invalid-call-accepted',
    where: /^update_task \{"task_id":\d+,"completed":"yes"\} /,
    reason:
      'the Inspector CLI converts a string argument to the declared type before sending ("yes" becomes false), so the server gets a valid call; sent as is, it is refused (apps/api/test/api/mcp.test.ts)',
  },
  {
    tool: 'detect-secrets (images)',
    rule: 'Secret Keyword',
    where:
      /^(api image app\/dist\/index\.js|web image usr\/share\/nginx\/html\/_next\/static\/chunks\/[\w-]+\.js):/,
    reason:
      'minified third-party code bundled into the app: the detector matches library identifiers (secret, password); our own sources are scanned in every version of the history',
  },
  {
    tool: 'detect-secrets (images)',
    rule: 'Base64 High Entropy String',
    where: /^api image app\/dist\/index\.js:/,
    reason:
      'a data table in minified third-party code (jose); our own sources are scanned in every version of the history',
  },
  {
    tool: 'detect-secrets (history)',
    rule: 'Secret Keyword',
    where: /^history (tests|bench|apps\/[a-z]+\/test|packages\/test-kit)\//,
    reason:
      'test and benchmark fixtures: made-up passwords and tokens for throwaway users and stub services that no real system accepts',
  },
  {
    tool: 'detect-secrets (history)',
    rule: 'Secret Keyword',
    where: /^history (apps\/api\/src|apps\/web\/lib|deploy\/helm|docs)\//,
    reason:
      'names, not values: password fields and messages, secretKeyRef names, the values file’s documentation of its secret settings, the docs’ example sign-up',
  },
  {
    tool: 'detect-secrets (history)',
    rule: 'Basic Auth Credentials',
    where:
      /^history (\.env\.example|docs\/containers\.md|deploy\/helm\/todo-chatbot\/(README\.md|templates\/postgresql-secret\.yaml)|apps\/api\/test\/)/,
    reason:
      'example connection strings with placeholder passwords, the chart template that formats the generated one, and a test pointing at a closed port',
  },
  {
    tool: 'detect-secrets (history)',
    rule: 'Base64 High Entropy String',
    where: /^history tests\/minikube\/run\.sh:/,
    reason: 'the stub suite’s made-up secrets, which it plants to check that none leaks into logs',
  },
  {
    tool: 'detect-secrets (history)',
    rule: 'Hex High Entropy String',
    where: /^history bench\/results\//,
    reason: 'commit ids and content hashes recorded with benchmark results',
  },
];

export function waived(finding: Finding): boolean {
  return waivers.some(
    (w) =>
      w.tool === finding.tool &&
      w.rule === finding.rule &&
      (!w.where || w.where.test(finding.where)),
  );
}

/** Waivers of `tool` that match none of its findings: stale, to be removed. */
export function unusedWaivers(tool: string, findings: Finding[]): string[] {
  return waivers
    .filter(
      (w) =>
        w.tool === tool &&
        !findings.some(
          (f) => f.tool === tool && f.rule === w.rule && (!w.where || w.where.test(f.where)),
        ),
    )
    .map((w) => `${w.tool} ${w.rule} ${w.where ?? ''}`);
}
