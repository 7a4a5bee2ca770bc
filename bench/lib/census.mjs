// Statements and round trips per request, per scenario, counted on the wire (pg-census.mjs).
import { startCensusProxy } from './pg-census.mjs';
import { scenarios } from './scenarios.mjs';

const REQUESTS = 20;

/** One request of a scenario as fetch arguments (the toggle always flips its first task). */
function requestOf(name, context) {
  const target = scenarios[name].target(context);
  const step = target.requests?.[0];
  const request = step?.setupRequest ? step.setupRequest({ ...step }) : target;
  return {
    url: request.path ? `${context.url}${request.path}` : target.url,
    init: {
      method: request.method ?? target.method,
      headers: target.headers,
      body: target.body,
    },
  };
}

export async function censusFor({ engine, start, context, sequence }) {
  const upstream = new URL(engine.url);
  const proxy = await startCensusProxy({ host: upstream.hostname, port: Number(upstream.port) });
  const proxied = new URL(engine.url);
  proxied.port = String(proxy.port);
  const server = await start({ databaseUrlOverride: proxied.href });
  const census = {};
  try {
    const here = { ...context, url: server.url };
    for (const name of sequence) {
      // One request first so pool connections and one-time lookups are not counted.
      await send(requestOf(name, here));
      proxy.take();
      for (let i = 1; i <= REQUESTS; i += 1) await send(requestOf(name, here));
      const counts = proxy.take();
      census[name] = {
        requests: REQUESTS,
        statements: counts.statements / REQUESTS,
        round_trips: counts.roundTrips / REQUESTS,
        new_connections: counts.connections,
        by_statement: Object.fromEntries(
          [...counts.byStatement]
            .sort((a, b) => b[1] - a[1])
            .map(([statement, count]) => [statement, count / REQUESTS]),
        ),
      };
    }
  } finally {
    await server.stop();
    await proxy.close();
  }
  return census;
}

async function send({ url, init }) {
  const response = await fetch(url, init);
  await response.arrayBuffer();
  if (response.status >= 400) throw new Error(`census request ${url}: HTTP ${response.status}`);
}
