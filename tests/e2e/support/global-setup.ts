// Builds what is stale, starts the real server on a free port with a fresh data directory, and
// hands its URL to the tests; stops it and removes the data afterwards.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApi } from '@todo-chatbot/test-kit';
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

export default async function setup(project: TestProject) {
  execFileSync('npm', ['run', 'build', '-w', 'apps/api'], { cwd: root, stdio: 'inherit' });
  buildWebIfStale();

  const dataDir = await mkdtemp(path.join(tmpdir(), 'todo-e2e-'));
  const server = await startApi({
    cwd: root,
    inheritEnv: true,
    env: {
      DATA_DIR: dataDir,
      WEB_DIR: webOut,
      LLM_PROVIDER: 'local',
      LOG_LEVEL: 'warn',
      // Browsers send no X-Forwarded-For, so they stay 127.0.0.1; a test that sets one acts as
      // a client of its own, with its own sign-in limits (accounts.test.ts).
      TRUST_PROXY: 'true',
      TRUST_PROXY_HOPS: '1',
      // The suite's server must be the embedded one whatever the developer's shell holds.
      DATABASE_URL: undefined,
      PUBLIC_URL: undefined,
      OPENAI_API_KEY: undefined,
      OPENAI_BASE_URL: undefined,
    },
    name: 'The server',
    timeoutMs: 90_000,
    intervalMs: 250,
  });
  const baseUrl = server.url;
  project.provide('baseUrl', baseUrl);

  return async () => {
    await server.stop(15_000);
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, 'e2e-server.log'), server.output());
    await rm(dataDir, { recursive: true, force: true });
  };
}
