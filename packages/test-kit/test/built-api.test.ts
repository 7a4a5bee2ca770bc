// The kit against the real thing: the built API started, a user signed up over fetch, its
// requests carrying the session, and a clean stop.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, builtApi, fetchSend, signUp, startApi } from '../src/index.ts';

let api: ApiProcess;
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(builtApi)) {
    execFileSync('npm', ['run', 'build', '-w', 'apps/api'], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      stdio: 'inherit',
    });
  }
  dataDir = await mkdtemp(path.join(tmpdir(), 'test-kit-api-'));
  api = await startApi({ env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn' } });
}, 120_000);

afterAll(async () => {
  api?.kill();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the built API', () => {
  it('is ready on its free port, and a signed-up user works with its session', async () => {
    const send = fetchSend(api.url, { headers: { origin: api.url } });
    const user = await signUp(send, {
      name: 'Kit',
      email: `kit-${Date.now()}@example.com`,
      password: 'correct horse battery',
    });
    expect(user.userId).toBeTruthy();
    expect(user.cookie).toMatch(/session_token=/);
    const created = await user.send('POST', '/api/me/tasks', { body: { title: 'from the kit' } });
    expect(created.status).toBe(201);
    const list = await user.send('GET', '/api/me/tasks');
    expect(list.body.tasks.map((task: { title: string }) => task.title)).toEqual(['from the kit']);
    expect((await send('GET', '/api/me/tasks')).status).toBe(401);
    await expect(signUp(send, { name: 'Kit', email: user.email, password: 'x' })).rejects.toThrow(
      /sign-up of .* answered 4\d\d/,
    );
  });

  it('stops on SIGTERM with exit code 0', async () => {
    expect(await api.stop()).toEqual({ code: 0, signal: null });
  });
});
