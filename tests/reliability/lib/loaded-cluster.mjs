// The start the load scenarios share: a fresh database, two replicas on it behind the
// readiness-gated balancer, and the scenario's users signed up, their load not yet started.
import { createCluster } from './cluster.mjs';
import { createClient } from './http.mjs';
import { createLoad } from './load.mjs';

/**
 * @param {object} ctx  shared run context (see run.mjs)
 * @param {object} options
 * @param {string} options.database  name of the database created for the scenario
 * @param {number} options.users
 * @param {number} options.thinkMs
 * @param {Record<string,string>} [options.env]  more environment for every replica
 * @param {object} [options.balancer]  probe settings for the balancer
 * @param {(cluster: object) => () => string} [options.target]  where each request goes, given
 *   the started cluster (default: the balancer)
 * @returns {Promise<{ cluster: object, load: object, close: () => Promise<void> }>} `close`
 *   stops the load and removes the cluster; call it on the way out of a failure too.
 */
export async function startLoadedCluster(ctx, options) {
  const { database, users, thinkMs, env = {}, balancer, target } = options;
  const url = await ctx.postgres.createDatabase(database);
  const cluster = await createCluster({
    entry: ctx.entry,
    env: { DATABASE_URL: url, BETTER_AUTH_SECRET: ctx.secret, ...env },
    balancer,
  });
  ctx.onCleanup(() => cluster.destroy());
  const client = createClient();
  let load;
  const close = async () => {
    await load?.stop();
    client.close();
    await cluster.destroy();
  };
  try {
    await cluster.addReplica();
    await cluster.addReplica();
    load = createLoad({
      client,
      target: target?.(cluster) ?? (() => cluster.balancer.url),
      users,
      thinkMs,
      label: `${database}-${Date.now()}`,
    });
    await load.setup();
  } catch (error) {
    await close();
    throw error;
  }
  return { cluster, load, close };
}
