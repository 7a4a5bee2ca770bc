import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, sleep, waitFor } from '../src/index.ts';

describe('freePort', () => {
  it('answers a port that can be listened on at once', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    server.close();
  });
});

describe('waitFor', () => {
  it('returns the first value that is neither undefined nor false', async () => {
    let calls = 0;
    const value = await waitFor('the third call', () => (++calls === 3 ? 'done' : undefined), {
      timeoutMs: 5_000,
      intervalMs: 1,
    });
    expect(value).toBe('done');
    expect(calls).toBe(3);
  });

  it('accepts falsy values other than false and undefined', async () => {
    expect(await waitFor('zero', () => 0, { timeoutMs: 100 })).toBe(0);
    expect(await waitFor('an empty string', async () => '', { timeoutMs: 100 })).toBe('');
  });

  it('gives up after the timeout, saying what it waited for and why', async () => {
    const started = Date.now();
    await expect(
      waitFor('a miracle', () => false, {
        timeoutMs: 200,
        intervalMs: 20,
        explain: () => '; last saw nothing',
      }),
    ).rejects.toThrow('timed out after 0.2 s waiting for a miracle; last saw nothing');
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  it('ends at once when the check throws', async () => {
    const started = Date.now();
    await expect(
      waitFor(
        'anything',
        () => {
          throw new Error('broken');
        },
        { timeoutMs: 5_000 },
      ),
    ).rejects.toThrow('broken');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('sleep', () => {
  it('waits at least as long as asked', async () => {
    const started = performance.now();
    await sleep(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
  });
});
