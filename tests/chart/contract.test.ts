// The chart runs the images the way their contract says: user, read-only root with /tmp the
// only writable path, port, and environment names the API actually reads.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { containerSettings, dockerArgs } from './container-settings.ts';
import { profiles } from './helpers/profiles.ts';
import { repoRoot } from './helpers/tools.ts';

/** Every variable apps/api/src/config.ts validates: the API reads nothing else. */
function apiEnvironmentNames(): string[] {
  const source = readFileSync(path.join(repoRoot, 'apps/api/src/config.ts'), 'utf8');
  const block = source.slice(
    source.indexOf('const environmentSchema'),
    source.indexOf('export type Environment'),
  );
  return [...block.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1] as string);
}

describe('container contract', () => {
  it.each(profiles)(
    'API: uid/gid 65532, read-only root, only /tmp writable, port 8080 ($name)',
    async ({ options }) => {
      const api = await containerSettings('api', options);
      expect(api).toMatchObject({
        user: 65532,
        group: 65532,
        readOnlyRootFilesystem: true,
        port: 8080,
      });
      expect(api.writablePaths.filter((p) => p !== '/extra')).toEqual(['/tmp']);
      expect(api.dropCapabilities).toEqual(['ALL']);
      expect(api.allowPrivilegeEscalation).toBe(false);
      const known = apiEnvironmentNames();
      expect(known.length).toBeGreaterThan(20);
      for (const name of [...Object.keys(api.env), ...api.secretEnv].filter((n) => n !== 'EXTRA'))
        expect(known, name).toContain(name);
      expect(api.env).toMatchObject({ NODE_ENV: 'production', TRUST_PROXY: 'true', PORT: '8080' });
      expect(api.secretEnv).toEqual(expect.arrayContaining(['BETTER_AUTH_SECRET', 'DATABASE_URL']));
      expect(api.image).toMatch(/todo-chatbot-api:0\.1\.0(@sha256:[a-f0-9]{64})?$/);
    },
  );

  it.each(profiles)(
    'web: uid/gid 101, read-only root, only /tmp writable, API_UPSTREAM ($name)',
    async ({ options }) => {
      const web = await containerSettings('web', options);
      expect(web).toMatchObject({
        user: 101,
        group: 101,
        readOnlyRootFilesystem: true,
        port: 8080,
      });
      expect(web.writablePaths).toEqual(['/tmp']);
      expect(web.env.API_UPSTREAM).toMatch(/^http:\/\/[a-z0-9-]+-api:8080$/);
      expect(web.image).toMatch(/todo-chatbot-web:0\.1\.0(-rc\.1)?$/);
    },
  );

  it('container-settings.ts gives the container test the same settings as docker run flags', async () => {
    const api = await containerSettings('api');
    const args = dockerArgs(api);
    expect(args.slice(0, 4)).toEqual(['--user', '65532:65532', '--read-only', '--tmpfs']);
    expect(args).toContain('/tmp');
    expect(args).toContain('--security-opt=no-new-privileges');
    expect(args).toContain('NODE_ENV=production');
  });

  it('Dockerfiles in the repository, if any, agree on USER and EXPOSE', () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (['node_modules', '.git', '.data', 'dist'].includes(entry.name)) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/^Dockerfile|\.Dockerfile$/.test(entry.name)) found.push(full);
      }
    };
    walk(repoRoot);
    for (const file of found) {
      const text = readFileSync(file, 'utf8');
      const component = /web/.test(path.relative(repoRoot, file))
        ? 'web'
        : /api/.test(path.relative(repoRoot, file))
          ? 'api'
          : undefined;
      if (!component) continue;
      const user = [...text.matchAll(/^USER\s+(\S+)/gm)].at(-1)?.[1];
      const expose = [...text.matchAll(/^EXPOSE\s+(\d+)/gm)].at(-1)?.[1];
      const uid = component === 'api' ? '65532' : '101';
      if (user)
        expect(user.split(':')[0], `${file} USER`).toMatch(new RegExp(`^(${uid}|nonroot|nginx)$`));
      if (expose) expect(expose, `${file} EXPOSE`).toBe('8080');
    }
  });
});
