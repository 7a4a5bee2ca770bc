// Single-process mode: the built web app served on the API's origin.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers.ts';

let t: TestApp;
let webDir: string;
const INLINE_HOME = '(self.__next_f=self.__next_f||[]).push([0])';
const INLINE_SETTINGS = 'self.__next_f.push([1,"settings"])';
const sha256 = (script: string) =>
  `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

beforeAll(async () => {
  webDir = await mkdtemp(path.join(tmpdir(), 'web-'));
  const files: Record<string, string> = {
    // Like the Next export: inline scripts (flight data) beside external ones.
    'index.html': `<h1>home</h1><script>${INLINE_HOME}</script><script src="/_next/a.js"></script>`,
    'sign-in.html': '<h1>sign in</h1>',
    'settings/index.html': `<h1>settings</h1><script id="_R_">${INLINE_SETTINGS}</script>`,
    '404.html': '<h1>lost</h1>',
    '_next/static/chunks/app-abc123.js': 'console.log(1)',
    'favicon.svg': '<svg/>',
  };
  for (const [name, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(webDir, name)), { recursive: true });
    await writeFile(path.join(webDir, name), body);
  }
  await writeFile(path.join(path.dirname(webDir), 'outside.txt'), 'secret');
  t = await createTestApp({ env: { WEB_DIR: webDir } });
});
afterAll(() => t.close());

const get = async (url: string) => {
  const response = await t.app.request(url);
  return { status: response.status, headers: response.headers, text: await response.text() };
};

describe('serving the web app', () => {
  it('serves pages by path, .html name or directory index, revalidated on every visit', async () => {
    for (const [url, body] of [
      ['/', 'home'],
      ['/sign-in', 'sign in'],
      ['/sign-in.html', 'sign in'],
      ['/settings', 'settings'],
      ['/settings/', 'settings'],
    ]) {
      const page = await get(url as string);
      expect(page.status, url).toBe(200);
      expect(page.text).toContain(body);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('caches hashed assets for a year', async () => {
    const asset = await get('/_next/static/chunks/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/favicon.svg')).headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it("answers unknown pages with the export's 404 page and unknown API paths with JSON", async () => {
    const page = await get('/no/such/page');
    expect(page.status).toBe(404);
    expect(page.text).toContain('lost');
    const api = await get('/api/no/such/route');
    expect(api.status).toBe(404);
    expect(JSON.parse(api.text).error.code).toBe('not_found');
  });

  it('never serves files outside the web directory', async () => {
    for (const url of ['/../outside.txt', '/%2e%2e/outside.txt', '/..%2foutside.txt']) {
      const response = await get(url);
      expect(response.text, url).not.toContain('secret');
    }
  });

  it('keeps the API routes in front of the web app', async () => {
    expect((await get('/healthz')).text).toContain('ok');
    expect((await get('/api/openapi.json')).status).toBe(200);
  });

  it("sends the nginx image's Content-Security-Policy, with inline scripts allowed by hash only", async () => {
    const nginx = await readFile(
      new URL('../../../web/nginx/security-headers.conf', import.meta.url),
      'utf8',
    );
    const nginxPolicy = /Content-Security-Policy "([^"]+)"/.exec(nginx)?.[1] ?? '';
    const directives = (policy: string) =>
      Object.fromEntries(
        policy.split(';').map((part) => {
          const [name, ...values] = part.trim().split(/\s+/);
          return [name, values];
        }),
      );
    const expected = directives(nginxPolicy);
    for (const url of ['/', '/settings', '/no/such/page', '/_next/static/chunks/app-abc123.js']) {
      const response = await get(url);
      const policy = response.headers.get('content-security-policy') ?? '';
      const sent = directives(policy);
      expect(Object.keys(sent).sort(), url).toEqual(Object.keys(expected).sort());
      for (const name of Object.keys(expected).filter((name) => name !== 'script-src')) {
        expect(sent[name], `${url} ${name}`).toEqual(expected[name]);
      }
      const [self, ...hashes] = sent['script-src'] ?? [];
      expect(self).toBe("'self'");
      expect(hashes.sort()).toEqual([sha256(INLINE_HOME), sha256(INLINE_SETTINGS)].sort());
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(response.headers.get('permissions-policy')).toContain('microphone=(self)');
    }
    // The API keeps its own headers.
    expect((await get('/api/openapi.json')).headers.get('content-security-policy')).toBeNull();
  });

  it('refuses to start with a web directory that holds no build', async () => {
    await expect(createTestApp({ env: { WEB_DIR: path.join(webDir, 'missing') } })).rejects.toThrow(
      /holds no index.html/,
    );
  });
});
