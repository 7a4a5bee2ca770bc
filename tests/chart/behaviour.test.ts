// What the chart does with particular values: exposure, secrets, database, migrations, scaling,
// network policy, helm test pods and the refusals that stop a broken release before it starts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deployment, mainContainer, plainEnv, secretEnv, secretValues } from './helpers/inspect.ts';
import { kubeSchemaProblems } from './helpers/kube-schema.ts';
import { toggles } from './helpers/profiles.ts';
import {
  find,
  type K8sObject,
  one,
  podSpecOf,
  render,
  renderRaw,
  templateArgs,
} from './helpers/render.ts';
import { helm } from './helpers/tools.ts';

const api = (objects: K8sObject[]) => deployment(objects, 'api');
const web = (objects: K8sObject[]) => deployment(objects, 'web');
const apiEnv = (objects: K8sObject[]) => plainEnv(objects, mainContainer(api(objects)));

async function refusal(
  set: Record<string, unknown>,
  skipSchemaValidation = false,
): Promise<string> {
  const result = await renderRaw({ set, skipSchemaValidation });
  expect(result.code, 'the render should fail').not.toBe(0);
  return result.stderr;
}

describe('values files', () => {
  it('values-local.yaml: in-chart database, one replica each, local images, ingress on todo.local', async () => {
    const objects = await render({ files: ['values-local.yaml'] });
    expect(one(objects, 'StatefulSet').spec.replicas).toBe(1);
    for (const component of ['api', 'web']) {
      const workload = deployment(objects, component);
      expect(workload.spec.replicas).toBe(1);
      expect(mainContainer(workload).imagePullPolicy).toBe('Never');
      expect(mainContainer(workload).image).toBe(`todo-chatbot-${component}:0.1.0`);
    }
    expect(one(objects, 'Ingress').spec.rules[0].host).toBe('todo.local');
    expect(find(objects, 'HorizontalPodAutoscaler')).toEqual([]);
    expect(find(objects, 'PodDisruptionBudget')).toEqual([]);
  });

  it('values-production.yaml: external database via existingSecret, autoscaled replicas, PDBs, NetworkPolicy, TLS', async () => {
    const objects = await render({ files: ['values-production.yaml'] });
    expect(find(objects, 'StatefulSet')).toEqual([]);
    expect(find(objects, 'Secret')).toEqual([]);
    expect(secretEnv(mainContainer(api(objects))).DATABASE_URL).toEqual({
      name: 'todo-chatbot',
      key: 'DATABASE_URL',
    });
    expect(find(objects, 'HorizontalPodAutoscaler').map((h) => h.spec.minReplicas)).toEqual([3, 2]);
    expect(find(objects, 'PodDisruptionBudget')).toHaveLength(2);
    expect(find(objects, 'NetworkPolicy')).toHaveLength(2);
    expect(one(objects, 'Ingress').spec.tls).toHaveLength(1);
    expect(mainContainer(api(objects)).image).toBe(
      'registry.example.com/todo-chatbot/todo-chatbot-api:0.1.0',
    );
  });
});

describe('the schema check itself', () => {
  it('rejects a misspelt field and a wrong type in a rendered object', async () => {
    const [deploymentObject] = (await render()).filter((o) => o.kind === 'Deployment');
    const broken = structuredClone(deploymentObject as K8sObject);
    broken.spec.template.spec.containers[0].securityContex = { runAsNonRoot: true };
    broken.spec.replicas = 'two';
    const problems = await kubeSchemaProblems(broken);
    expect(problems).toContain('/spec/template/spec/containers/0/securityContex: unknown field');
    expect(problems.some((p) => p.startsWith('/spec/replicas: type'))).toBe(true);
  });
});

describe('exposure', () => {
  it('Ingress: default host todo.local, `/` to web, `/api` and `/mcp` to the API, class and TLS optional', async () => {
    const local = await render({ files: ['values-local.yaml'] });
    const ingress = one(local, 'Ingress');
    expect(ingress.spec.ingressClassName).toBe('traefik');
    expect(ingress.spec.tls).toBeUndefined();
    const [rule] = ingress.spec.rules;
    expect(rule.host).toBe('todo.local');
    const routes = Object.fromEntries(
      rule.http.paths.map(
        (p: { path: string; pathType: string; backend: { service: { name: string } } }) => [
          p.path,
          `${p.pathType} ${p.backend.service.name}`,
        ],
      ),
    );
    expect(routes).toEqual({
      '/': 'Prefix todo-todo-chatbot-web',
      '/api': 'Prefix todo-todo-chatbot-api',
      '/mcp': 'Prefix todo-todo-chatbot-api',
    });
    expect(apiEnv(local).PUBLIC_URL).toBe('http://todo.local');

    const production = await render({ files: ['values-production.yaml'] });
    expect(one(production, 'Ingress').spec.tls).toEqual([
      { hosts: ['todo.example.com'], secretName: 'todo-chatbot-tls' },
    ]);
    expect(apiEnv(production).PUBLIC_URL).toBe('https://todo.example.com');
    expect(find(await render(), 'Ingress')).toEqual([]);
  });

  it('HTTPRoute: the same routes on a Gateway, only when enabled', async () => {
    const objects = await render({ set: toggles.externalUrl });
    const route = one(objects, 'HTTPRoute');
    expect(route.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(route.spec.parentRefs).toEqual([{ name: 'gateway' }]);
    expect(route.spec.hostnames).toEqual(['todo.example.com']);
    const byPath = route.spec.rules.flatMap(
      (r: { matches: { path: { value: string } }[]; backendRefs: { name: string }[] }) =>
        r.matches.map((m) => [m.path.value, r.backendRefs[0]?.name]),
    );
    expect(Object.fromEntries(byPath)).toEqual({
      '/': 'todo-todo-chatbot-web',
      '/api': 'todo-todo-chatbot-api',
      '/mcp': 'todo-todo-chatbot-api',
    });
    expect(apiEnv(objects).PUBLIC_URL).toBe('https://todo.example.com');
    expect(find(await render(), 'HTTPRoute')).toEqual([]);
    expect(await refusal({ 'httpRoute.enabled': true })).toMatch(/parentRefs/);
  });

  it('without an ingress or route, PUBLIC_URL is the port-forward address', async () => {
    expect(apiEnv(await render()).PUBLIC_URL).toBe('http://localhost:8080');
  });

  it('the web pods reach the API of their own release through API_UPSTREAM', async () => {
    const objects = await render({ release: 'shop' });
    expect(plainEnv(objects, mainContainer(web(objects))).API_UPSTREAM).toBe(
      'http://shop-todo-chatbot-api:8080',
    );
    const service = objects.find(
      (o) => o.kind === 'Service' && o.metadata.name === 'shop-todo-chatbot-api',
    );
    expect(service?.spec.ports[0].port).toBe(8080);
  });
});

describe('NOTES.txt', () => {
  const notes = async (set: Record<string, unknown>) => {
    const args = templateArgs({ set }).slice(1);
    const result = await helm('helm4', ['install', ...args, '--dry-run=client']);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout.slice(result.stdout.indexOf('NOTES:'));
  };

  it('tells how to reach the app for each way of exposing it', async () => {
    expect(await notes({})).toMatch(
      /port-forward service\/todo-todo-chatbot-web 8080:8080[\s\S]*http:\/\/localhost:8080/,
    );
    const ingress = await notes({ 'ingress.enabled': true, 'ingress.className': 'nginx' });
    expect(ingress).toMatch(/Ingress \(class nginx\): http:\/\/todo.local/);
    expect(ingress).toContain('minikube ip');
    expect(ingress).not.toContain('port-forward service/todo-todo-chatbot-web');
    const route = await notes(toggles.externalUrl);
    expect(route).toMatch(/HTTPRoute: https:\/\/todo.example.com/);
    expect(route).toContain('minikube service -n todo todo-todo-chatbot-web --url');
    expect(await notes({ 'web.service.type': 'LoadBalancer' })).toContain('minikube tunnel');
    expect(await notes({})).toContain('helm test todo -n todo --logs');
  });
});

describe('API configuration and secrets', () => {
  it('the ConfigMap carries the README configuration variables; TRUST_PROXY and NODE_ENV set for a cluster', async () => {
    const env = apiEnv(await render());
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      PORT: '8080',
      TRUST_PROXY: 'true',
      LLM_PROVIDER: 'local',
      SHUTDOWN_TIMEOUT_MS: '10000',
      APP_VERSION: '0.1.0',
    });
  });

  it('BETTER_AUTH_SECRET is generated when not given, and read back from the cluster on upgrade', async () => {
    const [first, second] = await Promise.all([
      renderRaw(),
      renderRaw({ release: 'todo', namespace: 'todo' }),
    ]);
    const secretOf = (text: string) => {
      const match = /BETTER_AUTH_SECRET: "([^"]+)"/.exec(text);
      return Buffer.from(match?.[1] ?? '', 'base64').toString();
    };
    expect(secretOf(first.stdout)).toMatch(/^[A-Za-z0-9]{48}$/);
    expect(secretOf(first.stdout)).not.toBe(secretOf(second.stdout));
    const objects = await render();
    const secret = one(objects, 'Secret', 'todo-chatbot');
    expect(secret.metadata.annotations?.['helm.sh/resource-policy']).toBe('keep');
    // `lookup` returns the Secret already in the cluster; the template prefers it to a new value.
    const helpers = readFileSync(
      new URL('../../deploy/helm/todo-chatbot/templates/_helpers.tpl', import.meta.url),
      'utf8',
    );
    expect(helpers).toMatch(/lookup "v1" "Secret" \.root\.Release\.Namespace \.secret/);
  });

  it('an LLM key goes into the Secret, never into values defaults or the ConfigMap', async () => {
    const objects = await render({
      set: { 'config.llm.provider': 'openai', 'secrets.openaiApiKey': 'sk-x-123456' },
    });
    expect(secretValues(one(objects, 'Secret', 'todo-chatbot')).OPENAI_API_KEY).toBe('sk-x-123456');
    expect(secretEnv(mainContainer(api(objects))).OPENAI_API_KEY).toEqual({
      name: 'todo-todo-chatbot',
      key: 'OPENAI_API_KEY',
    });
    expect(JSON.stringify(find(objects, 'ConfigMap'))).not.toContain('sk-x-123456');
  });

  it('existingSecret: the chart renders no API Secret and reads the keys named in values', async () => {
    const objects = await render({ set: toggles.externalSecret });
    expect(find(objects, 'Secret')).toEqual([]);
    expect(secretEnv(mainContainer(api(objects)))).toEqual({
      BETTER_AUTH_SECRET: { name: 'todo-managed', key: 'auth-secret' },
      DATABASE_URL: { name: 'todo-db', key: 'uri' },
      OPENAI_API_KEY: { name: 'todo-managed', key: 'llm-key', optional: true },
    });
  });

  it('a change of configuration or of a secret given to the chart rolls the API pods', async () => {
    const checksums = async (set: Record<string, unknown>) => {
      const objects = await render({ set: { ...toggles.ephemeral, ...set } });
      return {
        api: api(objects).spec.template.metadata.annotations,
        web: web(objects).spec.template.metadata.annotations,
      };
    };
    const base = await checksums({});
    const logLevel = await checksums({ 'config.logLevel': 'debug' });
    expect(logLevel.api['checksum/config']).not.toBe(base.api['checksum/config']);
    expect(logLevel.api['checksum/secret']).toBe(base.api['checksum/secret']);
    const key = await checksums({ 'secrets.openaiApiKey': 'sk-rotated' });
    expect(key.api['checksum/secret']).not.toBe(base.api['checksum/secret']);
    expect(key.api['checksum/config']).toBe(base.api['checksum/config']);
    const apiPort = await checksums({ 'api.service.port': 8081 });
    expect(apiPort.web['checksum/env']).not.toBe(base.web['checksum/env']);
    // Two renders of the same values agree: nothing random is hashed.
    expect(await checksums({})).toEqual(base);
  });
});

describe('database', () => {
  it('in-chart PostgreSQL: official pinned image, StatefulSet with a volume, probes, generated password kept', async () => {
    const objects = await render();
    const statefulSet = one(objects, 'StatefulSet');
    const container = mainContainer(statefulSet);
    expect(container.image).toMatch(/^postgres:\d+\.\d+-alpine$/);
    expect(statefulSet.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('1Gi');
    const env = Object.fromEntries(
      container.env.map((e: { name: string; value?: string }) => [e.name, e.value]),
    );
    expect(env.PGDATA).toBe('/var/lib/postgresql/data/pgdata');
    const mounts = container.volumeMounts.map((m: { mountPath: string }) => m.mountPath);
    expect(mounts).toEqual(
      expect.arrayContaining(['/var/lib/postgresql/data', '/var/run/postgresql', '/tmp']),
    );
    expect(container.startupProbe.exec.command[0]).toBe('pg_isready');
    const secret = secretValues(one(objects, 'Secret', '-postgresql'));
    expect(secret.POSTGRES_PASSWORD).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(secret.DATABASE_URL).toBe(
      `postgresql://todo:${secret.POSTGRES_PASSWORD}@todo-todo-chatbot-postgresql.todo.svc:5432/todo`,
    );
    expect(
      one(objects, 'Secret', '-postgresql').metadata.annotations?.['helm.sh/resource-policy'],
    ).toBe('keep');
    expect(secretEnv(mainContainer(api(objects))).DATABASE_URL).toEqual({
      name: 'todo-todo-chatbot-postgresql',
      key: 'DATABASE_URL',
    });
  });

  it('external database by URL: no StatefulSet, the URL in the chart Secret', async () => {
    const objects = await render({ set: toggles.externalUrl });
    expect(find(objects, 'StatefulSet')).toEqual([]);
    expect(secretValues(one(objects, 'Secret', 'todo-chatbot')).DATABASE_URL).toMatch(
      /^postgresql:\/\/todo:/,
    );
  });

  it('refuses to render without a database: the API never falls back to PGlite', async () => {
    expect(await refusal({ 'postgresql.enabled': false })).toMatch(/no database/);
  });
});

describe('migrations', () => {
  it('initContainer (default): each API pod migrates first, with the API image, env and security context', async () => {
    const objects = await render();
    const spec = podSpecOf(api(objects)) ?? {};
    const [migrate] = spec.initContainers;
    const main = spec.containers[0];
    expect(migrate.name).toBe('migrate');
    expect(migrate.args).toEqual(['migrate']);
    expect(migrate.command).toBeUndefined();
    expect(migrate.image).toBe(main.image);
    expect(migrate.securityContext).toEqual(main.securityContext);
    expect(migrate.env).toEqual(main.env);
    expect(migrate.envFrom).toEqual(main.envFrom);
    expect(apiEnv(objects).MIGRATE_ON_START).toBe('false');
    expect(apiEnv(objects).DATABASE_WAIT_SECONDS).toBe('60');
    // No hook: a pre-install hook would run before the in-chart database exists.
    const hooks = objects.filter((o) => o.metadata.annotations?.['helm.sh/hook']);
    expect(hooks.every((o) => o.metadata.annotations?.['helm.sh/hook'] === 'test')).toBe(true);
  });

  it('startup and none modes', async () => {
    const startup = await render({ set: { 'migrations.mode': 'startup' } });
    expect(podSpecOf(api(startup))?.initContainers).toBeUndefined();
    expect(apiEnv(startup).MIGRATE_ON_START).toBe('true');
    const none = await render({ set: { 'migrations.mode': 'none' } });
    expect(podSpecOf(api(none))?.initContainers).toBeUndefined();
    expect(apiEnv(none).MIGRATE_ON_START).toBe('false');
  });

  it('the API startup probe outlasts the wait for the database', async () => {
    const objects = await render({ set: { 'migrations.mode': 'startup' } });
    const probe = mainContainer(api(objects)).startupProbe;
    expect(probe.periodSeconds * probe.failureThreshold).toBeGreaterThan(
      Number(apiEnv(objects).DATABASE_WAIT_SECONDS),
    );
  });
});

describe('probes, shutdown and scaling', () => {
  it('probes hit /healthz (startup, liveness) and /readyz (readiness) with every number from values', async () => {
    const set = {
      'api.readinessProbe.periodSeconds': 7,
      'api.readinessProbe.timeoutSeconds': 4,
      'api.livenessProbe.failureThreshold': 9,
      'api.startupProbe.initialDelaySeconds': 3,
      'web.readinessProbe.successThreshold': 2,
    };
    const objects = await render({ set });
    const apiContainer = mainContainer(api(objects));
    expect(apiContainer.startupProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(apiContainer.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(apiContainer.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(apiContainer.readinessProbe).toMatchObject({ periodSeconds: 7, timeoutSeconds: 4 });
    expect(apiContainer.livenessProbe.failureThreshold).toBe(9);
    expect(apiContainer.startupProbe.initialDelaySeconds).toBe(3);
    const webContainer = mainContainer(web(objects));
    expect(webContainer.readinessProbe).toMatchObject({
      httpGet: { path: '/healthz' },
      successThreshold: 2,
    });
  });

  it('preStop is the kubelet sleep action; the chart refuses a grace period that cannot fit the shutdown', async () => {
    const objects = await render();
    expect(mainContainer(api(objects)).lifecycle.preStop).toEqual({ sleep: { seconds: 5 } });
    expect(mainContainer(web(objects)).lifecycle.preStop).toEqual({ sleep: { seconds: 5 } });
    expect(await refusal({ 'api.terminationGracePeriodSeconds': 20 })).toMatch(
      /api.terminationGracePeriodSeconds \(20\) must exceed .* = 20/,
    );
    expect(await refusal({ 'web.terminationGracePeriodSeconds': 10 })).toMatch(
      /web.terminationGracePeriodSeconds/,
    );
  });

  it('autoscaling/v2 HPAs for the API and web, and PDBs once more than one replica is guaranteed', async () => {
    const objects = await render({ files: ['values-production.yaml'] });
    const hpas = find(objects, 'HorizontalPodAutoscaler');
    expect(hpas.map((h) => [h.apiVersion, h.metadata.name, h.spec.minReplicas])).toEqual([
      ['autoscaling/v2', 'todo-todo-chatbot-api', 3],
      ['autoscaling/v2', 'todo-todo-chatbot-web', 2],
    ]);
    expect(find(objects, 'PodDisruptionBudget')).toHaveLength(2);
    const single = await render({
      set: { 'api.autoscaling.enabled': true, 'api.autoscaling.minReplicas': 1 },
    });
    expect(find(single, 'PodDisruptionBudget')).toEqual([]);
    const replicas = await render({ set: { 'web.replicaCount': 2 } });
    expect(find(replicas, 'PodDisruptionBudget').map((p) => p.metadata.name)).toEqual([
      'todo-todo-chatbot-web',
    ]);
  });

  it('topology spread over host and zone that never stops a one-node cluster from scheduling', async () => {
    const constraints = podSpecOf(api(await render()))?.topologySpreadConstraints;
    expect(constraints.map((c: { topologyKey: string }) => c.topologyKey)).toEqual([
      'kubernetes.io/hostname',
      'topology.kubernetes.io/zone',
    ]);
    expect(
      constraints.every(
        (c: { whenUnsatisfiable: string }) => c.whenUnsatisfiable === 'ScheduleAnyway',
      ),
    ).toBe(true);
  });
});

describe('network policy', () => {
  const peersOf = (policy: K8sObject, direction: 'ingress' | 'egress') =>
    policy.spec[direction].map(
      (rule: { from?: unknown[]; to?: unknown[]; ports?: { port: number }[] }) => ({
        peers: JSON.stringify(rule.from ?? rule.to ?? 'anywhere'),
        ports: (rule.ports ?? []).map((p) => p.port),
      }),
    );

  it('web from the ingress only; API from web and the ingress only; database from the API only', async () => {
    const objects = await render({ set: toggles.everything });
    const policies = Object.fromEntries(
      find(objects, 'NetworkPolicy').map((p) => [
        p.metadata.labels?.['app.kubernetes.io/component'],
        p,
      ]),
    );
    const component = (name: string) => `"app.kubernetes.io/component":"${name}"`;
    const ingressController = '"kubernetes.io/metadata.name":"ingress-nginx"';

    const webIn = peersOf(policies.web, 'ingress');
    expect(webIn).toHaveLength(1);
    expect(webIn[0].peers).toContain(ingressController);
    expect(webIn[0].peers).toContain(component('test'));
    expect(webIn[0].peers).not.toContain(component('api'));
    expect(webIn[0].ports).toEqual([8080]);

    const apiIn = peersOf(policies.api, 'ingress');
    expect(apiIn[0].peers).toContain(component('web'));
    expect(apiIn[0].peers).toContain(ingressController);
    expect(apiIn[0].peers).toContain('"kubernetes.io/metadata.name":"kagent"');
    expect(apiIn[1].peers).toContain('"kubernetes.io/metadata.name":"monitoring"');

    const dbIn = peersOf(policies.postgresql, 'ingress');
    expect(dbIn).toEqual([{ peers: expect.stringContaining(component('api')), ports: [5432] }]);
    expect(dbIn[0].peers).not.toContain(component('web'));
    expect(policies.postgresql.spec.egress).toEqual([]);
  });

  it('egress: DNS and the API for web; DNS, the database and the LLM endpoint for the API', async () => {
    const everything = await render({ set: toggles.everything });
    const policy = (objects: K8sObject[], name: string) =>
      one(objects, 'NetworkPolicy', `-${name}`);
    const webOut = peersOf(policy(everything, 'web'), 'egress');
    expect(webOut.map((r: { ports: number[] }) => r.ports)).toEqual([[53, 53], [8080]]);
    expect(webOut[1].peers).toContain('"app.kubernetes.io/component":"api"');
    const apiOut = peersOf(policy(everything, 'api'), 'egress');
    expect(apiOut.map((r: { ports: number[] }) => r.ports)).toEqual([[53, 53], [5432], [443]]);
    expect(apiOut[1].peers).toContain('"app.kubernetes.io/component":"postgresql"');
    expect(apiOut[2].peers).toContain('0.0.0.0/0');

    // The offline engine needs no LLM egress; an external database is reached on its port.
    const external = await render({ set: toggles.externalUrl });
    const externalOut = peersOf(policy(external, 'api'), 'egress');
    expect(externalOut.map((r: { ports: number[] }) => r.ports)).toEqual([[53, 53], [5432]]);
    expect(externalOut[1].peers).toContain('203.0.113.10/32');
    expect(find(external, 'NetworkPolicy', '-postgresql')).toEqual([]);
  });

  it('no NetworkPolicy unless enabled', async () => {
    expect(find(await render(), 'NetworkPolicy')).toEqual([]);
  });
});

describe('monitoring and extras', () => {
  it('ServiceMonitor scrapes the API /metrics only when enabled', async () => {
    expect(find(await render(), 'ServiceMonitor')).toEqual([]);
    const monitor = one(await render({ set: toggles.everything }), 'ServiceMonitor');
    expect(monitor.spec.endpoints).toEqual([
      { port: 'http', path: '/metrics', interval: '30s', scrapeTimeout: '10s' },
    ]);
    expect(monitor.metadata.labels?.release).toBe('prometheus');
  });

  it('extra env, volumes, annotations, labels and pull secrets reach the pods', async () => {
    const objects = await render({ set: toggles.everything });
    const spec = podSpecOf(api(objects)) ?? {};
    expect(spec.imagePullSecrets).toEqual([{ name: 'registry-credentials' }]);
    expect(spec.volumes.map((v: { name: string }) => v.name)).toContain('extra');
    expect(spec.containers[0].env).toContainEqual({ name: 'EXTRA', value: '1' });
    expect(spec.containers[0].envFrom).toContainEqual({ configMapRef: { name: 'more-settings' } });
    expect(api(objects).spec.template.metadata.annotations['example.com/pod']).toBe('api');
    for (const object of objects) {
      expect(object.metadata.labels?.team, object.metadata.name).toBe('todo');
      expect(object.metadata.annotations?.['example.com/owner'], object.metadata.name).toBe(
        'todo-team',
      );
    }
  });
});

describe('helm test', () => {
  it('three test pods: API readiness, the web-to-API proxy, and sign-up + task + chat end to end', async () => {
    const objects = await render();
    const tests = objects.filter((o) => o.metadata.annotations?.['helm.sh/hook'] === 'test');
    expect(tests.map((t) => t.metadata.name).sort()).toEqual([
      'todo-todo-chatbot-test-api-ready',
      'todo-todo-chatbot-test-e2e',
      'todo-todo-chatbot-test-web-proxy',
    ]);
    const script = (name: string) =>
      (tests.find((t) => t.metadata.name.endsWith(name)) as K8sObject).spec.containers[0]
        .args[0] as string;
    expect(script('api-ready')).toContain("'http://todo-todo-chatbot-api:8080'");
    expect(script('api-ready')).toContain('/readyz');
    expect(script('web-proxy')).toContain("'http://todo-todo-chatbot-web:8080'");
    expect(script('web-proxy')).toContain('/api/openapi.json');
    const e2e = script('e2e');
    for (const step of [
      '/api/auth/sign-up/email',
      'set-auth-token',
      '/api/me/tasks',
      '/api/me/chat',
    ])
      expect(e2e).toContain(step);
    expect(e2e).toContain('local_engine=true');
  });
});

describe('refusals', () => {
  it('`latest` is refused by the schema and by the templates', async () => {
    expect(await refusal({ 'web.image.tag': 'latest' })).toMatch(/tag/);
    expect(await refusal({ 'web.image.tag': 'latest' }, true)).toMatch(/`latest` is not allowed/);
  });

  it('the openai provider without a key or endpoint, and kagent without its MCP credentials', async () => {
    expect(await refusal({ 'config.llm.provider': 'openai' })).toMatch(
      /needs secrets.openaiApiKey/,
    );
    expect(await refusal({ 'kagent.enabled': true })).toMatch(/kagent.mcp.authSecretName/);
  });

  it('an HPA without a target, or with minReplicas above maxReplicas', async () => {
    expect(
      await refusal({
        'web.autoscaling.enabled': true,
        'web.autoscaling.targetCPUUtilizationPercentage': 0,
      }),
    ).toMatch(/web.autoscaling needs a CPU or memory target/);
    expect(
      await refusal({ 'api.autoscaling.enabled': true, 'api.autoscaling.minReplicas': 7 }),
    ).toMatch(/api.autoscaling.minReplicas must not exceed maxReplicas/);
  });
});
