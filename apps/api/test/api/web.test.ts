// Single-process mode: the built web app served on the API's origin.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers.ts';

let t: TestApp;
let webDir: string;

beforeAll(async () => {
  webDir = await mkdtemp(path.join(tmpdir(), 'web-'));
  const files: Record<string, string> = {
    'index.html': '<h1>home</h1>',
    'sign-in.html': '<h1>sign in</h1>',
    'settings/index.html': '<h1>settings</h1>',
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

  it('refuses to start with a web directory that holds no build', async () => {
    await expect(createTestApp({ env: { WEB_DIR: path.join(webDir, 'missing') } })).rejects.toThrow(
      /holds no index.html/,
    );
  });
});
