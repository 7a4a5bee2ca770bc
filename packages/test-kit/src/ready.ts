// Waiting for a server's readiness the way a readiness probe does: GET /readyz until it is 200.
import { probe } from './http.ts';
import { waitFor } from './wait.ts';

export interface WaitForReadyOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Per request; default 2 s. */
  probeTimeoutMs?: number;
  /** Throws to stop waiting at once, e.g. when the process or container has exited. */
  alive?: () => void | Promise<void>;
  explain?: () => string | Promise<string>;
}

export function waitForReady(
  url: string,
  { timeoutMs, intervalMs, probeTimeoutMs = 2_000, alive, explain }: WaitForReadyOptions,
): Promise<true> {
  return waitFor(
    `${url}/readyz`,
    async () => {
      await alive?.();
      return (await probe(`${url}/readyz`, probeTimeoutMs)) === 200;
    },
    { timeoutMs, intervalMs, explain },
  );
}
