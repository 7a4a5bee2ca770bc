// Bounded polling that explains itself when it gives up.
import { sleep } from './sleep.ts';

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Appended to the timeout error (its own separator included): the last value, diagnostics. */
  explain?: () => string | Promise<string>;
}

/**
 * Polls `check` until it returns something other than undefined or false, and returns that.
 * An error from `check` ends the wait at once: a caller that expects errors while it waits
 * (a server not listening yet) catches them in `check`.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs, intervalMs = 100, explain }: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() >= deadline) break;
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
  throw new Error(
    `timed out after ${timeoutMs / 1000} s waiting for ${what}${(await explain?.()) ?? ''}`,
  );
}
