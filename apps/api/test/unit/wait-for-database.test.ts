import { describe, expect, it } from 'vitest';
import { type Database, waitForDatabase } from '../../src/db/client.ts';

const flaky = (failures: number) => {
  let calls = 0;
  const database = {
    ping: async () => {
      calls += 1;
      if (calls <= failures) throw new Error(`connect ECONNREFUSED (attempt ${calls})`);
    },
  } as unknown as Database;
  return { database, calls: () => calls };
};

describe('waiting for the database', () => {
  it('retries until the database answers', async () => {
    const { database, calls } = flaky(2);
    const retries: unknown[] = [];
    await waitForDatabase(database, 10, (error) => retries.push(error));
    expect(calls()).toBe(3);
    expect(retries).toHaveLength(2);
  });

  it('gives up with the last error once the wait is over', async () => {
    const { database } = flaky(Number.POSITIVE_INFINITY);
    await expect(waitForDatabase(database, 0, () => {})).rejects.toThrow(
      /ECONNREFUSED \(attempt 1\)/,
    );
  });

  it('stops waiting as soon as its signal is aborted', async () => {
    const { database, calls } = flaky(Number.POSITIVE_INFINITY);
    const stop = new AbortController();
    const waiting = waitForDatabase(database, 60, () => {}, stop.signal);
    setTimeout(() => stop.abort('SIGTERM'), 50);
    const started = performance.now();
    await expect(waiting).rejects.toBeDefined();
    expect(performance.now() - started).toBeLessThan(500);
    expect(calls()).toBe(1);
  });
});
