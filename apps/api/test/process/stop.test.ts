// The server always ends when told to: whatever happens to the reader of its logs, whenever the
// signal comes, and however many signals come. Every case runs the real server as a child process.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, sleep } from '@todo-chatbot/test-kit';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATION_LOCK_KEY } from '../../src/db/migrate.ts';
import {
  type ServerProcess,
  type Stdio,
  signUpOver,
  startServer,
  stopAllServers,
} from './server-process.ts';

afterEach(stopAllServers);

const DELAY_MS = 400;
const TIMEOUT_MS = 2_000;
// The process's own slack after the drain's bounds (STOP_SLACK_MS), plus room for a busy machine.
const BOUND_MS = DELAY_MS + TIMEOUT_MS + 3_000 + 1_000;

async function dataDir() {
  return mkdtemp(path.join(tmpdir(), 'todo-stop-'));
}

async function start(stdio: Stdio, env: Record<string, string> = {}) {
  return startServer(
    {
      DATA_DIR: await dataDir(),
      SHUTDOWN_DELAY_MS: String(DELAY_MS),
      SHUTDOWN_TIMEOUT_MS: String(TIMEOUT_MS),
      ...env,
    },
    { stdio },
  );
}

/** Requests that each log a line: enough traffic to have written something since start. */
async function traffic(server: ServerProcess) {
  const token = await signUpOver(server.url, `stop-${Date.now()}@example.com`);
  for (let i = 0; i < 3; i++) {
    await fetch(`${server.url}/api/me/tasks`, { headers: { authorization: `Bearer ${token}` } });
  }
}

/** Signals the server and answers how it ended and how long that took. */
async function stopWith(server: ServerProcess, signal: NodeJS.Signals, during?: () => void) {
  const started = performance.now();
  server.child.kill(signal);
  if (during) {
    await sleep(100);
    during();
  }
  const ended = await Promise.race([server.exited, sleep(BOUND_MS * 2).then(() => 'alive')]);
  return { code: ended, ms: performance.now() - started };
}

function closeReader(server: ServerProcess) {
  server.child.stdout?.destroy();
  server.child.stderr?.destroy();
  server.reader.destroy();
}

describe.each<Stdio>(['socket', 'pipe'])('stdout on a %s', (stdio) => {
  it('exits 0 after the drain when the log reader stays', async () => {
    const server = await start(stdio);
    await traffic(server);
    const { code, ms } = await stopWith(server, 'SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(server.output()).toContain('shutdown complete');
  });

  it('exits 0 when the log reader was gone before the signal', async () => {
    const server = await start(stdio);
    await traffic(server);
    closeReader(server);
    await traffic(server); // lines written into a broken pipe
    const { code, ms } = await stopWith(server, 'SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('exits 0 when the log reader goes away during the shutdown', async () => {
    const server = await start(stdio);
    await traffic(server);
    const { code, ms } = await stopWith(server, 'SIGTERM', () => closeReader(server));
    expect(code).toBe(0);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('keeps serving while the log reader stops reading, counts dropped lines, and still exits 0', async () => {
    const server = await start(stdio);
    await traffic(server);
    server.reader.pause();
    server.child.stderr?.pause();
    // Each 404 logs its 8 KB path: 300 of them overflow the pipe and the 1 MiB queue behind it.
    const longPath = `/${'x'.repeat(8_000)}`;
    for (let batch = 0; batch < 30; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, () => fetch(`${server.url}${longPath}`).then((r) => r.text())),
      );
    }
    const probeStarted = performance.now();
    const health = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(health.status).toBe(200);
    // A blocked event loop never answers; a busy machine answers late, not never.
    expect(performance.now() - probeStarted).toBeLessThan(2_000);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const dropped = Number(/^log_lines_dropped_total (\d+)$/m.exec(metrics)?.[1]);
    expect(dropped).toBeGreaterThan(0);

    const { code, ms } = await stopWith(server, 'SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('signals', () => {
  it('exits at once, non-zero, on a second SIGTERM or SIGINT during the shutdown', async () => {
    for (const [second, expected] of [
      ['SIGTERM', 143],
      ['SIGINT', 130],
    ] as const) {
      const server = await start('socket', { SHUTDOWN_DELAY_MS: '20000' });
      server.child.kill('SIGTERM');
      await sleep(300);
      const { code, ms } = await stopWith(server, second);
      expect(code, server.output()).toBe(expected);
      expect(ms).toBeLessThan(3_000); // the drain would take 20 s
      expect(server.output()).toContain('second signal: exiting now');
    }
  });

  it('shuts down gracefully on SIGHUP and on SIGINT', async () => {
    for (const signal of ['SIGHUP', 'SIGINT'] as const) {
      const server = await start('socket');
      const { code } = await stopWith(server, signal);
      expect(code, server.output()).toBe(0);
      expect(server.output()).toContain(`"reason":"${signal}"`);
      expect(server.output()).toContain('shutdown complete');
    }
  });

  it('ends promptly on a signal at any moment of start-up, and the data directory starts again', async () => {
    const directory = await dataDir();
    // A signal during start-up waits for PGlite to open; give a busy machine room before the
    // process's own deadline (delay + timeout + 3 s) would end it with 1.
    const env = { DATA_DIR: directory, SHUTDOWN_DELAY_MS: '0', SHUTDOWN_TIMEOUT_MS: '10000' };
    for (const after of [0, 150, 400, 800, 1_500]) {
      const server = await startServer(env, { waitUntilReady: false });
      await sleep(after);
      const { code, ms } = await stopWith(server, 'SIGTERM');
      // Before Node runs the first line, SIGTERM's default action ends it; after, the server does.
      expect([0, null], `after ${after} ms:\n${server.output()}`).toContain(code);
      if (code === null) expect(server.child.signalCode).toBe('SIGTERM');
      expect(ms).toBeLessThan(15_000);
    }
    const server = await startServer(env);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('stops waiting for PostgreSQL on a signal and exits 0', async () => {
    const server = await startServer(
      {
        DATA_DIR: await dataDir(),
        DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:9/none',
        DATABASE_WAIT_SECONDS: '60',
        BETTER_AUTH_SECRET: 'a-secret-that-is-long-enough-for-the-test-1234',
      },
      { waitUntilReady: false },
    );
    while (!server.output().includes('waiting for the database')) await sleep(50);
    const { code, ms } = await stopWith(server, 'SIGTERM');
    expect(code, server.output()).toBe(0);
    expect(ms).toBeLessThan(2_000);
    expect(server.output()).toContain('stopped during start-up');
  });
});

// PostgreSQL is where another replica can hold the migration lock for as long as it likes.
describe.runIf(process.env.TEST_DATABASE_URL || process.env.CI)(
  'a signal while waiting for the migration lock',
  () => {
    it('cancels the wait, exits 0 and leaves no session or lock behind', async () => {
      const serverUrl = process.env.TEST_DATABASE_URL;
      if (!serverUrl) throw new Error('CI runs this with TEST_DATABASE_URL');
      const name = `todo_stop_${Date.now()}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const otherReplica = new pg.Client({ connectionString: url.toString() });
      await otherReplica.connect();
      try {
        await otherReplica.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        const env = {
          DATA_DIR: await dataDir(),
          DATABASE_URL: url.toString(),
          BETTER_AUTH_SECRET: 'a-secret-that-is-long-enough-for-the-test-1234',
        };
        const server = await startServer(env, { waitUntilReady: false });
        const waiting = `select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
        where l.locktype = 'advisory' and not l.granted and d.datname = $1`;
        while ((await admin.query(waiting, [name])).rows[0].n === 0) {
          expect(server.child.exitCode, server.output()).toBeNull();
          await sleep(50);
        }

        const { code, ms } = await stopWith(server, 'SIGTERM');
        expect(code, server.output()).toBe(0);
        expect(ms).toBeLessThan(2_000);
        expect(server.output()).toContain('stopped during start-up');
        const sessions = `select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> $2`;
        const otherPid = (await otherReplica.query('select pg_backend_pid() as pid')).rows[0].pid;
        for (
          let i = 0;
          i < 20 && (await admin.query(sessions, [name, otherPid])).rows[0].n > 0;
          i++
        )
          await sleep(100);
        expect((await admin.query(sessions, [name, otherPid])).rows[0].n).toBe(0);

        // The other replica finishes; the next start migrates and serves.
        await otherReplica.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        const next = await startServer(env);
        expect((await fetch(`${next.url}/readyz`)).status).toBe(200);
        next.child.kill('SIGTERM');
        expect(await next.exited).toBe(0);
      } finally {
        await otherReplica.end();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    });
  },
);

describe('a parent that signals its process group and exits at once (the reported case)', () => {
  it('leaves no server behind', async () => {
    const parent = `
      import { spawn } from 'node:child_process';
      const child = spawn(process.execPath, [process.env.ENTRY], {
        env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      child.stdout.on('data', () => {}); child.stderr.on('data', () => {});
      const base = 'http://127.0.0.1:' + process.env.PORT;
      for (let i = 0; i < 300; i++) {
        try { if ((await fetch(base + '/readyz')).ok) break; } catch {}
        await new Promise((r) => setTimeout(r, 100));
      }
      const r = await fetch(base + '/api/auth/sign-up/email', { method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ email: 'parent@example.com', password: 'correct-horse-battery-9', name: 'p' }) });
      const token = r.headers.get('set-auth-token');
      for (let i = 0; i < 3; i++) await fetch(base + '/api/me/tasks', { headers: { authorization: 'Bearer ' + token } });
      console.log(child.pid);
      process.kill(-child.pid, 'SIGTERM');
      process.exit(0);`;
    const port = String(await freePort());
    const entry = path.resolve(import.meta.dirname, '../../src/index.ts');
    const run = spawn(process.execPath, ['--input-type=module', '-e', parent], {
      env: {
        PATH: process.env.PATH,
        ENTRY: entry,
        PORT: port,
        HOST: '127.0.0.1',
        DATA_DIR: await dataDir(),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let printed = '';
    run.stdout.on('data', (chunk) => (printed += chunk));
    await new Promise((resolve) => run.on('exit', resolve));
    const serverPid = Number(printed.trim());
    expect(serverPid).toBeGreaterThan(0);
    const deadline = performance.now() + BOUND_MS;
    while (isAlive(serverPid) && performance.now() < deadline) await sleep(100);
    const alive = isAlive(serverPid);
    if (alive) process.kill(serverPid, 'SIGKILL');
    expect(alive).toBe(false);
  });
});

function isAlive(pid: number): boolean {
  try {
    // A zombie is gone for every purpose but the process table.
    return !execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).startsWith(
      'Z',
    );
  } catch {
    return false;
  }
}
