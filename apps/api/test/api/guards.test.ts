// Every operation the OpenAPI document marks as needing a credential is guarded in the app as
// mounted: app.ts lists no paths, so a router added without a guard fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, send, signUp, type TestApp } from '../helpers.ts';

let t: TestApp;
let intruder: Client;
let owner: Client;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app, 'owner');
  intruder = await signUp(t.app, 'intruder');
});
afterAll(() => t.close());

const operations = async () => {
  const document = (await send(t.app, 'GET', '/api/openapi.json')).body;
  return Object.entries<Record<string, { security?: unknown[] }>>(document.paths).flatMap(
    ([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        secured: (operation.security ?? []).length > 0,
        body: method === 'get' ? undefined : {},
      })),
  );
};
const concrete = (path: string, user: string) =>
  path.replace('{user_id}', user).replace(/\{[^}]+\}/g, '1');

describe('the guard of every mounted router', () => {
  it('refuses every secured operation without a credential, and one naming another user', async () => {
    const all = await operations();
    expect(all.filter((operation) => operation.secured).length).toBeGreaterThan(10);
    for (const { method, path, secured, body } of all) {
      const anonymous = await send(t.app, method, concrete(path, 'me'), body);
      if (!secured) {
        expect(anonymous.status, `${method} ${path}`).not.toBe(401);
        continue;
      }
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      const spoofed = await intruder.call(method, concrete(path, owner.userId), body);
      expect(spoofed.status, `${method} ${path}`).toBe(403);
      expect(spoofed.body.error.code, `${method} ${path}`).toBe('forbidden');
    }
  });

  it('guards /mcp, and leaves unknown /api paths a 404', async () => {
    const mcp = await send(t.app, 'POST', '/mcp', { jsonrpc: '2.0', id: 1, method: 'ping' });
    expect(mcp.status).toBe(401);
    const unknown = await send(t.app, 'GET', '/api/me/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });
});
