// The chart's Ingress and HTTPRoute through a real controller: Traefik on the node's port 80, as
// Minikube's Traefik addon runs it. Chat streams through it unbuffered.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  cluster,
  fullName,
  kubectlJson,
  namespace,
  rolloutStatus,
  upgradeRelease,
  waitFor,
} from './support/cluster.ts';
import { ingressHost } from './support/load.ts';

interface Received {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body as it arrived, chunk by chunk. */
  chunks: string[];
}

/** A request to the node's port 80 for a host name, as a browser resolving it there would send. */
function viaNode(
  host: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<Received> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: cluster().nodeIp,
        port: 80,
        method,
        path,
        headers: {
          host,
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        timeout: 30_000,
      },
      (response) => {
        const chunks: string[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: chunks.join(''),
            chunks,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

async function signUpVia(host: string): Promise<string> {
  const email = `ingress-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const reply = await viaNode(host, 'POST', '/api/auth/sign-up/email', {
    name: 'Ingress',
    email,
    password: 'correct horse battery staple',
  });
  expect(reply.status, reply.body).toBe(200);
  return reply.headers['set-auth-token'] as string;
}

describe('Ingress through Traefik', () => {
  it('the controller admits the Ingress and publishes the node address', async () => {
    const ingress = await kubectlJson([
      '-n',
      namespace,
      'get',
      'ingress',
      fullName('').replace(/-$/, ''),
    ]);
    expect(ingress.spec.ingressClassName).toBe('traefik');
    const address = await waitFor(
      'the Ingress status to carry an address',
      async () =>
        (await kubectlJson(['-n', namespace, 'get', 'ingress', fullName('').replace(/-$/, '')]))
          .status?.loadBalancer?.ingress?.[0]?.ip,
      60_000,
    );
    expect(address).toBe(cluster().nodeIp);
  });

  it('routes / to the web app and /api and /mcp to the API', async () => {
    const page = await viaNode(ingressHost, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const assistant = await viaNode(ingressHost, 'GET', '/api/assistant');
    expect(JSON.parse(assistant.body)).toEqual({ provider: 'local', model: expect.any(String) });
    const mcp = await viaNode(ingressHost, 'POST', '/mcp', {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/list',
    });
    expect(mcp.status).toBe(401);
    const other = await viaNode('not-this-app.local', 'GET', '/');
    expect(other.status).toBe(404);
  });

  it('streams a chat turn without buffering: the first event arrives before the last is written', async () => {
    const token = await signUpVia(ingressHost);
    const stream = await viaNode(
      ingressHost,
      'POST',
      '/api/me/chat/stream',
      { message: 'add call mum tomorrow' },
      token,
    );
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toContain('text/event-stream');
    expect(stream.body).toContain('event: done');
    expect(stream.chunks.length, stream.chunks.join('\n---\n')).toBeGreaterThan(1);
    expect(stream.chunks[0]).toContain('event: conversation');
    expect(stream.chunks[0]).not.toContain('event: done');
  });
});

describe('Gateway API HTTPRoute through Traefik', () => {
  it('the chart’s HTTPRoute attaches to the Gateway and serves the app on its own host name', async () => {
    const gatewayHost = 'gateway.todo.local';
    await upgradeRelease([
      '--set',
      'httpRoute.enabled=true',
      '--set-json',
      'httpRoute.parentRefs=[{"name":"traefik","namespace":"kube-system","sectionName":"web"}]',
      '--set-json',
      `httpRoute.hostnames=["${gatewayHost}"]`,
    ]);
    await rolloutStatus(`deployment/${fullName('api')}`, 180);
    const route = await waitFor(
      'the HTTPRoute to be accepted by the Gateway',
      async () => {
        const r = await kubectlJson([
          '-n',
          namespace,
          'get',
          'httproute',
          fullName('').replace(/-$/, ''),
        ]);
        const accepted = r.status?.parents?.[0]?.conditions?.find(
          (c: { type: string }) => c.type === 'Accepted',
        );
        return accepted?.status === 'True' ? r : undefined;
      },
      60_000,
    );
    expect(route.spec.parentRefs[0].name).toBe('traefik');
    const health = await waitFor(
      'Traefik to serve the route',
      async () => {
        const reply = await viaNode(gatewayHost, 'GET', '/api/assistant');
        return reply.status === 200 ? reply : undefined;
      },
      30_000,
    );
    expect(JSON.parse(health.body).provider).toBe('local');
    expect((await viaNode(gatewayHost, 'GET', '/')).status).toBe(200);
  });
});
