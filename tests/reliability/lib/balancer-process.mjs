// Runs the balancer in its own process, as a real load balancer is: its event loop is not
// slowed by the load generator's, so its timing (probes, connection reuse) stays its own.
// Imported: `spawnBalancer()` gives an async handle. Run directly: the balancer itself.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createBalancer } from './balancer.mjs';

const self = fileURLToPath(import.meta.url);

export async function spawnBalancer(options = {}) {
  const child = fork(self, [JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  let nextId = 0;
  const pending = new Map();
  child.on('message', ({ id, result, error }) => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    if (error) call.reject(new Error(error));
    else call.resolve(result);
  });
  exited.then(() => {
    for (const call of pending.values()) call.reject(new Error('balancer process exited'));
  });
  const invoke = (method, ...args) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      child.send({ id, method, args });
    });
  const [{ url }] = await once(child, 'message');
  return {
    url,
    add: (name, url) => invoke('add', name, url),
    markTerminating: (name) => invoke('markTerminating', name),
    remove: (name) => invoke('remove', name),
    readyNames: () => invoke('readyNames'),
    /** Counters, per-backend figures and the event log, in one round trip. */
    report: () => invoke('report'),
    async close() {
      if (child.exitCode !== null) return;
      await invoke('close').catch(() => {});
      child.disconnect();
      await exited;
    },
  };
}

if (process.argv[1] === self) {
  const balancer = await createBalancer(JSON.parse(process.argv[2] ?? '{}'));
  const methods = {
    add: balancer.add,
    markTerminating: balancer.markTerminating,
    remove: balancer.remove,
    readyNames: balancer.readyNames,
    report: () => ({
      ...balancer.stats,
      per_backend: balancer.backendStats(),
      events: balancer.events,
    }),
    close: balancer.close,
  };
  process.on('message', async ({ id, method, args }) => {
    try {
      process.send({ id, result: await methods[method](...args) });
    } catch (error) {
      process.send({ id, error: String(error?.stack ?? error) });
    }
  });
  // The parent going away (even killed) must not leave a proxy listening.
  process.on('disconnect', () => process.exit(0));
  process.send({ url: balancer.url });
}
