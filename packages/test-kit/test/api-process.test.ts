// startApi's own logic against a stand-in server (fixtures/server.mjs): readiness, output,
// environment, failures before ready, and the SIGTERM-then-SIGKILL stop.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ApiProcess,
  freePort,
  probe,
  type StartApiOptions,
  startApi,
  waitFor,
} from '../src/index.ts';

const entry = path.join(import.meta.dirname, 'fixtures/server.mjs');
const started: ApiProcess[] = [];
const start = async (options: StartApiOptions = {}) => {
  const api = await startApi({ entry, intervalMs: 20, ...options });
  started.push(api);
  return api;
};

afterEach(async () => {
  for (const api of started.splice(0)) {
    api.kill();
    await api.exited;
  }
});

describe('startApi', () => {
  it('returns once /readyz answers 200, with the time that took', async () => {
    const api = await start({ env: { READY_AFTER_MS: '300', GREETING: 'hello' } });
    expect(api.url).toBe(`http://127.0.0.1:${api.port}`);
    expect(api.readyMs).toBeGreaterThanOrEqual(300);
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
    expect(api.output()).toContain('GREETING=hello');
  });

  it('passes only PATH, PORT, HOST and the given variables unless told to inherit', async () => {
    expect(process.env.HOME).toBeTruthy();
    const bare = await start();
    expect(bare.output()).toContain('HOME=unset');
    const inherited = await start({ inheritEnv: true, env: { GREETING: undefined } });
    expect(inherited.output()).toContain(`GREETING=undefined HOME=${process.env.HOME}`);
  });

  it('can wait for a line in the output instead, or not at all', async () => {
    const byLine = await start({
      env: { READY_AFTER_MS: '60000' },
      ready: { line: 'is ready at' },
    });
    expect(byLine.output()).toContain('is ready at');
    const unwaited = await start({ ready: false, env: { READY_AFTER_MS: '200' } });
    expect(unwaited.readyMs).toBeUndefined();
    expect(await unwaited.waitReady()).toBeGreaterThanOrEqual(200);
  });

  it('fails with the output when the process exits before it is ready', async () => {
    await expect(start({ env: { EXIT_AT_START: '3' }, name: 'the stand-in' })).rejects.toThrow(
      /the stand-in exited \(code 3\) before ready:\n.*\n?refusing to start: bad configuration/,
    );
  });

  it('kills the process and says so when it is not ready in time', async () => {
    const port = await freePort();
    const error = await start({ port, env: { READY_AFTER_MS: '60000' }, timeoutMs: 300 }).catch(
      (caught: Error) => caught,
    );
    expect(String(error)).toMatch(/timed out after 0.3 s waiting for .*\/readyz:\n.*is ready at/s);
    await waitFor(
      'the port to close',
      async () => (await probe(`http://127.0.0.1:${port}/`)) === 0,
      {
        timeoutMs: 5_000,
      },
    );
  });

  it('keeps output on a named pipe, or in a log file', async () => {
    const viaFifo = await start({ stdio: 'fifo', env: { GREETING: 'fifo' } });
    expect(viaFifo.output()).toContain('GREETING=fifo');
    expect(viaFifo.reader).toBeDefined();

    const dir = await mkdtemp(path.join(tmpdir(), 'test-kit-'));
    try {
      const logFile = path.join(dir, 'api.log');
      const logged = await start({ logFile, env: { GREETING: 'file' } });
      await logged.stop();
      expect(await readFile(logFile, 'utf8')).toContain('GREETING=file');
      expect(logged.output()).toContain('shutdown complete');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps only the last outputLimit characters', async () => {
    const api = await start({ outputLimit: 12 });
    expect(api.output().length).toBeLessThanOrEqual(12);
  });

  it('stops with SIGTERM, and the exit is what the process chose', async () => {
    const api = await start();
    expect(await api.stop()).toEqual({ code: 0, signal: null });
    expect(api.running).toBe(false);
    expect(await api.stop()).toEqual({ code: 0, signal: null });
  });

  it('kills a process that ignores SIGTERM once the grace period is over', async () => {
    const api = await start({ env: { IGNORE_SIGTERM: '1' } });
    const begun = performance.now();
    expect(await api.stop(400)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(performance.now() - begun).toBeGreaterThanOrEqual(390);
  });
});
