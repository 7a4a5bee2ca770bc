import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAuthSecret } from '../../src/auth/secret.ts';

describe('auth secret', () => {
  it('uses the configured secret', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'secret-'));
    expect(await resolveAuthSecret('c'.repeat(40), dir)).toBe('c'.repeat(40));
  });

  it('generates one secret, keeps it private in the data directory, and reuses it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'secret-'));
    const first = await resolveAuthSecret(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect((await readFile(path.join(dir, 'auth-secret'), 'utf8')).trim()).toBe(first);
    expect((await stat(path.join(dir, 'auth-secret'))).mode & 0o777).toBe(0o600);
    expect(await resolveAuthSecret(undefined, dir)).toBe(first);
  });

  it('two processes starting at once agree on one secret', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'secret-'));
    const [a, b] = await Promise.all([
      resolveAuthSecret(undefined, dir),
      resolveAuthSecret(undefined, dir),
    ]);
    expect(a).toBe(b);
  });
});
