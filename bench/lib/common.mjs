// Small pieces the engine run and the image-bundle run share.
import { sleep } from '@todo-chatbot/test-kit';
import autocannon from 'autocannon';
import { mb } from './load.mjs';
import { rssBytes } from './proc.mjs';
import { scenarios } from './scenarios.mjs';
import { liveMemory } from './server.mjs';

export const auth = (user) => ({ authorization: `Bearer ${user.token}` });

/**
 * A fresh server is slow for its first seconds: the JIT has not yet optimised the hot paths
 * (auth crypto above all). Every server we measure first gets a few seconds of mixed traffic.
 */
export async function warmUp(context, seconds) {
  const names = ['list', 'create', 'chat', 'mcp'];
  for (const name of names) {
    await autocannon({
      ...scenarios[name].target(context),
      connections: 4,
      duration: seconds / names.length,
    });
  }
}

export const live = (usage) =>
  usage && {
    rss_mb: mb(usage.rss),
    heap_used_mb: mb(usage.heapUsed),
    heap_total_mb: mb(usage.heapTotal),
    external_mb: mb(usage.external),
    array_buffers_mb: mb(usage.arrayBuffers),
  };

/**
 * What every build is sized on: list and chat at the usual connections, then 100 users at once,
 * after a warm-up; RSS at rest after it, and the live heap when the server carries the probe.
 */
export async function runLoadSet({ server, context, crowd, load, options, heapFile }) {
  const here = { ...context, url: server.url };
  const set = { rss_at_rest_mb: mb(rssBytes(server.pid) ?? 0) };
  await warmUp(here, options.serverWarmupSeconds);
  for (const name of ['list', 'chat']) {
    set[name] = await load(scenarios[name].target(here), options.connections, server.pid);
  }
  let next = 0;
  const everyone = {
    ...scenarios.list.target(here),
    setupClient: (client) => client.setHeaders(auth(crowd[next++ % crowd.length])),
  };
  set.users_100 = await load(everyone, crowd.length, server.pid);
  await sleep(3000);
  set.rss_after_load_mb = mb(rssBytes(server.pid) ?? 0);
  if (heapFile) set.live_after_load = live(await liveMemory(server, heapFile));
  set.peak_mb = Math.max(
    set.list.memory.rss_peak_mb,
    set.chat.memory.rss_peak_mb,
    set.users_100.memory.rss_peak_mb,
  );
  return set;
}
