// Waiting a while, for the harnesses that must (drains, retries, pacing).

/** Resolves after `ms`; an `unref`'d timer does not keep the process (or Vitest) alive. */
export function sleep(ms: number, { unref = false }: { unref?: boolean } = {}): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (unref) timer.unref();
  });
}
