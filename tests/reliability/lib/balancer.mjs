// A readiness-gated reverse proxy standing in for a Kubernetes Service: it routes only to
// replicas whose /readyz passed the last probe and that are not terminating, round robin,
// and never retries (kube-proxy does not), so every backend failure reaches the client.
import { once } from 'node:events';
import http from 'node:http';
import { probe } from '@todo-chatbot/test-kit';

// Hop-by-hop headers belong to one connection, not to the message (RFC 9110 section 7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

/**
 * Upstream keep-alive the way nginx (and so ingress-nginx, which the chart's Ingress routes
 * /api through straight to the pods) does it: idle connections are kept 60 s and the server's
 * `Keep-Alive: timeout=` hint is ignored, where Node's own Agent would honour it.
 */
class UpstreamAgent extends http.Agent {
  keepSocketAlive(socket) {
    socket.idleSince = performance.now(); // for the diagnosis of a failed reuse
    socket.setKeepAlive(true, 1_000);
    socket.unref();
    socket.setTimeout(UPSTREAM_KEEPALIVE_TIMEOUT_MS);
    return true;
  }
}
const UPSTREAM_KEEPALIVE_TIMEOUT_MS = 60_000;

function endToEnd(headers) {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())),
  );
}

/**
 * @param {object} options
 * @param {number} options.probeIntervalMs  readinessProbe periodSeconds
 * @param {number} options.probeTimeoutMs   readinessProbe timeoutSeconds
 * @param {number} options.failureThreshold consecutive failed probes before leaving rotation
 */
export async function createBalancer({
  probeIntervalMs = 500,
  probeTimeoutMs = 3_000,
  failureThreshold = 1,
} = {}) {
  /** @type {Map<string, {name:string,url:URL,agent:http.Agent,ready:boolean,terminating:boolean,failures:number,served:number,errors:number,probing:boolean}>} */
  const backends = new Map();
  const retired = [];
  let cursor = 0;
  const events = [];
  const started = Date.now();
  const log = (event) => events.push({ t: Date.now() - started, ...event });
  const stats = { proxied: 0, backendErrors: 0, noBackend: 0 };

  function eligible() {
    return [...backends.values()].filter((backend) => backend.ready && !backend.terminating);
  }

  async function probeBackend(backend) {
    if (backend.probing) return; // a slow probe must not pile up behind itself
    backend.probing = true;
    const status = await probe(new URL('/readyz', backend.url).href, probeTimeoutMs);
    backend.probing = false;
    if (!backends.has(backend.name)) return;
    if (status === 200) {
      backend.failures = 0;
      if (!backend.ready) log({ event: 'ready', backend: backend.name });
      backend.ready = true;
    } else if (++backend.failures >= failureThreshold && backend.ready) {
      backend.ready = false;
      log({ event: 'not_ready', backend: backend.name, status });
    }
  }
  const prober = setInterval(() => {
    for (const backend of backends.values()) probeBackend(backend);
  }, probeIntervalMs);

  const server = http.createServer((req, res) => {
    const pool = eligible();
    if (pool.length === 0) {
      // What a client sees from a Service without ready endpoints (ours answers, kube-proxy
      // would refuse the connection); the client counts it as a failure either way.
      stats.noBackend++;
      res.writeHead(503, { 'content-type': 'application/json', 'x-balancer': 'no-backend' });
      res.end(JSON.stringify({ error: { code: 'no_ready_backend', message: 'no ready replica' } }));
      return;
    }
    const backend = pool[cursor++ % pool.length];
    stats.proxied++;
    backend.served++;
    const upstream = http.request(
      new URL(req.url ?? '/', backend.url),
      { method: req.method, headers: endToEnd(req.headers), agent: backend.agent },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, {
          ...endToEnd(upstreamRes.headers),
          'x-backend': backend.name,
        });
        upstreamRes.pipe(res);
        upstreamRes.on('error', () => res.destroy());
      },
    );
    // How long the connection had been idle when it was reused tells a keep-alive race (the
    // backend closed it just as we sent) from a backend that is really gone.
    let idleMs;
    upstream.on('socket', (socket) => {
      idleMs = socket.idleSince === undefined ? undefined : performance.now() - socket.idleSince;
    });
    upstream.on('error', (error) => {
      // No retry, even for GET: the point is to see every request a rollout breaks.
      stats.backendErrors++;
      backend.errors++;
      log({
        event: 'backend_error',
        backend: backend.name,
        code: error.code ?? error.message,
        method: req.method,
        reused_connection: upstream.reusedSocket,
        idle_ms: idleMs === undefined ? undefined : Math.round(idleMs),
      });
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(502, { 'content-type': 'application/json', 'x-backend': backend.name });
      res.end(
        JSON.stringify({ error: { code: 'bad_gateway', message: error.code ?? error.message } }),
      );
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');

  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stats,
    events,
    /** A new pod: out of rotation until its first readiness probe passes. */
    add(name, url) {
      const backend = {
        name,
        url: new URL(url),
        agent: new UpstreamAgent({ keepAlive: true, maxSockets: 128 }),
        ready: false,
        terminating: false,
        failures: 0,
        served: 0,
        errors: 0,
        probing: false,
      };
      backends.set(name, backend);
      log({ event: 'added', backend: name });
      probeBackend(backend);
    },
    /** The pod is deleted: the endpoint controller drops it whatever its readiness says. */
    markTerminating(name) {
      const backend = backends.get(name);
      if (backend) backend.terminating = true;
      log({ event: 'terminating', backend: name });
    },
    remove(name) {
      const backend = backends.get(name);
      if (!backend) return;
      backend.agent.destroy();
      retired.push(backend);
      backends.delete(name);
      log({ event: 'removed', backend: name });
    },
    readyNames: () => eligible().map((backend) => backend.name),
    /** Requests each replica got and how many of them failed below HTTP, retired ones too. */
    backendStats: () =>
      [...retired, ...backends.values()].map(({ name, served, errors }) => ({
        name,
        served,
        errors,
      })),
    async close() {
      clearInterval(prober);
      for (const backend of backends.values()) backend.agent.destroy();
      server.closeAllConnections();
      server.close();
    },
  };
}
