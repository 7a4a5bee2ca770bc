// Polls each replica's /readyz and /healthz as the kubelet would (but every 100 ms), keeping a
// timeline, so the outage scenario can say when readiness flipped and whether liveness held.
import { probe, sleep } from '@todo-chatbot/test-kit';

export function watchProbes(replicas, { intervalMs = 100, maxMs = 10 * 60_000, now }) {
  const timeline = replicas.map((replica) => ({ name: replica.name, samples: [] }));
  let stopped = false;
  const giveUpAt = Date.now() + maxMs;
  const loops = replicas.map(async (replica, index) => {
    while (!stopped && Date.now() < giveUpAt) {
      const t = now();
      const [ready, live] = await Promise.all([
        probe(`${replica.url}/readyz`, 3_000),
        probe(`${replica.url}/healthz`, 3_000),
      ]);
      timeline[index].samples.push({ t, ready, live });
      await sleep(intervalMs);
    }
  });
  return {
    timeline,
    /**
     * For each replica, the first time at or after `from` its /readyz answered `status`; null
     * for a replica that never did (or died) within `timeoutMs`.
     */
    async waitAll(status, from, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      const firsts = () =>
        timeline.map(
          ({ samples }) =>
            samples.find((sample) => sample.t >= from && sample.ready === status)?.t ?? null,
        );
      while (Date.now() < deadline) {
        const settled = firsts().every((t, index) => t !== null || !replicas[index].running);
        if (settled) break;
        await sleep(50);
      }
      return firsts();
    },
    livenessFailures: () =>
      timeline.flatMap(({ name, samples }) =>
        samples.filter((sample) => sample.live !== 200).map((sample) => ({ name, ...sample })),
      ),
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}
