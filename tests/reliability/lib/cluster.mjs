// Replicas of the API behind the readiness-gated balancer, and the rollout that replaces them
// one at a time like a Deployment with maxSurge 1 and maxUnavailable 0.
import { sleep } from '@todo-chatbot/test-kit';
import { spawnBalancer } from './balancer-process.mjs';
import { startReplica } from './replica.mjs';

/**
 * @param {object} options
 * @param {string} options.entry        the built API
 * @param {Record<string,string>} options.env  shared by every replica (database, secret, shutdown)
 * @param {object} [options.balancer]   probe settings for the balancer
 */
export async function createCluster({ entry, env, balancer: balancerOptions }) {
  const balancer = await spawnBalancer(balancerOptions);
  const replicas = [];
  let serial = 0;
  let destroyed = false;

  async function waitInRotation(name, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await balancer.readyNames()).includes(name)) {
      if (Date.now() > deadline) throw new Error(`${name} never entered the balancer's rotation`);
      await sleep(50);
    }
  }

  const cluster = {
    balancer,
    replicas,
    /** Starts a replica and returns once the balancer routes to it. */
    async addReplica() {
      const replica = await startReplica({ entry, name: `api-${++serial}`, env });
      replicas.push(replica);
      const readyMs = await replica.waitReady();
      await balancer.add(replica.name, replica.url);
      await waitInRotation(replica.name);
      return { replica, readyMs };
    },
    /**
     * Deletes a replica the way Kubernetes deletes a pod: the endpoint leaves the Service
     * `endpointLagMs` later (kube-proxy and load balancers catch up asynchronously), while the
     * preStop hook and then SIGTERM run on the pod.
     */
    async removeReplica(replica, { preStopMs, graceMs, endpointLagMs, announce = true }) {
      const result = await replica.terminate({
        preStopMs,
        graceMs,
        onTerminating: () => {
          if (!announce) return;
          setTimeout(() => balancer.markTerminating(replica.name).catch(() => {}), endpointLagMs);
        },
      });
      await balancer.remove(replica.name);
      replicas.splice(replicas.indexOf(replica), 1);
      return { name: replica.name, ...result };
    },
    /** Surge one new replica, wait until it serves, then retire one old one; for each. */
    async rollingRestart(shutdown) {
      const steps = [];
      for (const old of [...replicas]) {
        const started = Date.now();
        const { replica, readyMs } = await cluster.addReplica();
        const removed = await cluster.removeReplica(old, shutdown);
        steps.push({
          replaced: old.name,
          by: replica.name,
          new_ready_ms: readyMs,
          ...removed,
          step_ms: Date.now() - started,
        });
      }
      return steps;
    },
    /** Kills whatever is left (finally blocks): nothing graceful is being measured any more. */
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const replica of replicas) replica.kill();
      await Promise.all(replicas.map((replica) => replica.exited));
      await balancer.close();
    },
  };
  return cluster;
}
