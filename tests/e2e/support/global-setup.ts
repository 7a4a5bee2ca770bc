// Builds what is stale, starts the real server on a free port with a fresh data directory, and
// hands its URL to the tests; stops it and removes the data afterwards.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { resultsDir, root } from './paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const webDir = path.join(root, 'apps/web');
const webOut = path.join(webDir, 'out');

function newest(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce(
    (latest, name) => Math.max(latest, newest(path.join(entry, name))),
    0,
  );
}

function buildWebIfStale(): void {
  const sources = readdirSync(webDir).filter(
    (name) => !['node_modules', '.next', 'out', 'test'].includes(name),
  );
  const sourceTime = Math.max(...sources.map((name) => newest(path.join(webDir, name))));
  if (newest(path.join(webOut, 'index.html')) >= sourceTime) return;
  execFileSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

async function waitForReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited early:\n${log()}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server was not ready within 90 s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  execFileSync('npm', ['run', 'build', '-w', 'apps/api'], { cwd: root, stdio: 'inherit' });
  buildWebIfStale();

  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'todo-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    WEB_DIR: webOut,
    LLM_PROVIDER: 'local',
    LOG_LEVEL: 'warn',
    // Browsers send no X-Forwarded-For, so they stay 127.0.0.1; a test that sets one acts as a
    // client of its own, with its own sign-in limits (accounts.test.ts).
    TRUST_PROXY: 'true',
    TRUST_PROXY_HOPS: '1',
  };
  // The suite's server must be the embedded one whatever the developer's shell holds.
  for (const name of ['DATABASE_URL', 'PUBLIC_URL', 'OPENAI_API_KEY', 'OPENAI_BASE_URL'])
    delete env[name];

  let output = '';
  const server = spawn(process.execPath, [path.join(root, 'apps/api/dist/index.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(baseUrl, server, () => output);
  } catch (error) {
    server.kill('SIGKILL');
    throw error;
  }
  project.provide('baseUrl', baseUrl);

  return async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      // unref: a timer left pending would keep Vitest from exiting.
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, 'e2e-server.log'), output);
    await rm(dataDir, { recursive: true, force: true });
  };
}
