// What the account endpoints accept from a client: the same strictness as our own bodies, and
// a clear 400 (never a 500) for anything else; the routes the app does not use answer 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth } from '../../src/auth/auth.ts';
import { SERVED_AUTH_ROUTES, UNUSED_AUTH_ROUTES } from '../../src/auth/routes.ts';
import { type Client, createTestApp, send, signUp, type TestApp } from '../helpers.ts';

let t: TestApp;
let user: Client;
beforeAll(async () => {
  t = await createTestApp();
  user = await signUp(t.app, 'fields');
});
afterAll(() => t.close());

const password = 'correct horse battery';
let counter = 0;
const freshEmail = () => `fields-${++counter}-${Date.now()}@example.com`;
const signUpWith = (fields: Record<string, unknown>) =>
  send(t.app, 'POST', '/api/auth/sign-up/email', {
    name: 'Fields',
    email: freshEmail(),
    password,
    ...fields,
  });

describe('sign-up fields', () => {
  it.each([
    ['a NUL in the name', { name: 'Ann\u0000Lee' }, /name: must not contain the NUL character/],
    ['a newline in the name', { name: 'Ann\nLee' }, /name: must not contain control characters/],
    ['an empty name', { name: '   ' }, /name: must not be empty/],
    ['a 900 KB name', { name: 'x'.repeat(900_000) }, /name: must be at most 100 characters/],
    [
      'a 300-character email',
      { email: `${'a'.repeat(290)}@example.com` },
      /email: must be at most/,
    ],
    ['a NUL in the email', { email: 'ann\u0000@example.com' }, /email: must not contain the NUL/],
    ['a field Better Auth would ignore', { role: 'admin' }, /Unrecognized key: "role"/],
    ['emailVerified set by the client', { emailVerified: true }, /Unrecognized key/],
    ['a javascript: image', { image: 'javascript:alert(1)' }, /image: must be an http or https/],
    ['a name that is not text', { name: 42 }, /name: /],
    ['rememberMe as text', { rememberMe: 'yes' }, /rememberMe: /],
  ])('refuses %s with a 400 naming the field', async (_, fields, message) => {
    const reply = await signUpWith(fields);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(reply.body.message).toMatch(message);
    expect(reply.body.details.length).toBeGreaterThan(0);
  });

  it('refuses a body that is not an object', async () => {
    for (const body of ['[]', '"text"', 'null']) {
      const reply = await send(t.app, 'POST', '/api/auth/sign-up/email', body);
      expect(reply.status, body).toBe(400);
    }
  });

  it('accepts a 100-character name with Urdu letters, trims it, and keeps an https image', async () => {
    const name = `  ${'ع'.repeat(100)}  `;
    const reply = await signUpWith({ name, image: 'https://example.com/me.png' });
    expect(reply.status).toBe(200);
    expect(reply.body.user).toMatchObject({
      name: 'ع'.repeat(100),
      image: 'https://example.com/me.png',
    });
  });
});

describe('other account endpoints', () => {
  it('update-user: NUL, length and unknown fields are 400s, a good name is saved', async () => {
    for (const fields of [
      { name: 'a\u0000b' },
      { name: 'x'.repeat(900_000) },
      { name: 'ok', emailVerified: true },
      { email: 'other@example.com' },
      { image: 'data:text/html,hi' },
    ]) {
      const reply = await user.call('POST', '/api/auth/update-user', fields);
      expect(reply.status, JSON.stringify(fields).slice(0, 60)).toBe(400);
      expect(reply.body.code).toBe('VALIDATION_FAILED');
    }
    const renamed = await user.call('POST', '/api/auth/update-user', { name: ' Fields Two ' });
    expect(renamed.status).toBe(200);
    const session = await user.call('GET', '/api/auth/get-session');
    expect(session.body.user.name).toBe('Fields Two');
  });

  it('sign-in, change-password, verify-password: NUL and unknown fields are 400s', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['/api/auth/sign-in/email', { email: 'a\u0000@example.com', password }],
      ['/api/auth/sign-in/email', { email: user.email, password: 'x\u0000' }],
      ['/api/auth/sign-in/email', { email: user.email, password, admin: true }],
      ['/api/auth/change-password', { currentPassword: password, newPassword: 'n\u0000w pass' }],
      ['/api/auth/change-password', { currentPassword: password }],
      ['/api/auth/verify-password', { password: 'p\u0000' }],
      ['/api/auth/sign-out', { everywhere: true }],
    ];
    for (const [path, fields] of cases) {
      const reply = await user.call('POST', path, fields);
      expect(reply.status, `${path} ${JSON.stringify(fields)}`).toBe(400);
    }
  });

  it('never answers 500: a NUL, a long string or a wrong type in each field of each route', async () => {
    const valid: Record<string, Record<string, unknown>> = {
      '/sign-up/email': { name: 'N', email: 'fuzz@example.com', password, image: null },
      '/sign-in/email': { email: user.email, password: 'wrong password', rememberMe: true },
      '/update-user': { name: 'N', image: null },
      '/change-password': {
        currentPassword: 'wrong password',
        newPassword: 'another password',
        revokeOtherSessions: false,
      },
      '/verify-password': { password: 'wrong password' },
    };
    const probes: unknown[] = ['\u0000', 'x'.repeat(100_000), '\ud800', 7, true, null, [], {}];
    let sent = 0;
    for (const [route, base] of Object.entries(valid)) {
      expect(SERVED_AUTH_ROUTES[route]).toContain('POST');
      for (const field of Object.keys(base)) {
        for (const value of probes.filter((probe) => probe !== base[field])) {
          const reply = await user.call('POST', `/api/auth${route}`, { ...base, [field]: value });
          const label = `${route} ${field}=${JSON.stringify(value)?.slice(0, 20)}`;
          expect(reply.status, label).toBeLessThan(500);
          expect(reply.status, label).not.toBe(200);
          sent += 1;
        }
      }
    }
    expect(sent).toBeGreaterThan(12 * probes.length);
  });
});

describe('routes', () => {
  it('answers 404 for the Better Auth routes the app does not use', async () => {
    for (const [method, path, body] of [
      ['POST', '/api/auth/sign-in/social', { provider: 'github' }],
      ['GET', '/api/auth/callback/github?code=x&state=y', undefined],
      ['POST', '/api/auth/callback/google', {}],
      ['POST', '/api/auth/link-social', { provider: 'github' }],
      ['POST', '/api/auth/unlink-account', { providerId: 'credential' }],
      ['GET', '/api/auth/list-accounts', undefined],
      ['POST', '/api/auth/request-password-reset', { email: user.email }],
      ['GET', '/api/auth/reset-password/abc', undefined],
      ['POST', '/api/auth/delete-user', {}],
      ['POST', '/api/auth/update-session', {}],
      ['POST', '/api/auth/revoke-session', { token: 'x' }],
      ['GET', '/api/auth/ok', undefined],
      ['GET', '/api/auth/error', undefined],
      ['GET', '/api/auth/no-such-route', undefined],
    ] as const) {
      const reply = await user.call(method, path, body);
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.body.error.code).toBe('not_found');
    }
  });

  it('answers 405 with Allow for a served route asked with another method', async () => {
    const reply = await user.call('POST', '/api/auth/get-session', {});
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('GET');
  });

  it('serves what the web app and the README use', async () => {
    expect((await user.call('GET', '/api/auth/get-session')).status).toBe(200);
    expect((await user.call('GET', '/api/auth/token')).status).toBe(200);
    expect((await send(t.app, 'GET', '/api/auth/jwks')).status).toBe(200);
    const doc = await send(t.app, 'GET', '/api/auth/open-api/generate-schema');
    expect(doc.status).toBe(200);
    const documented = Object.keys(doc.body.paths);
    expect(documented).toContain('/sign-in/email');
    for (const unused of ['/sign-in/social', '/callback/{id}', '/link-social', '/delete-user']) {
      expect(documented).not.toContain(unused);
    }
  });

  it('names every Better Auth route either served or unused, so an upgrade cannot add one unseen', () => {
    const auth = createAuth({
      db: t.database.db,
      config: t.config,
      secret: 'a-secret-that-is-long-enough-for-better-auth',
      logger: { info() {}, warn() {}, error() {}, debug() {} } as never,
    });
    const known = new Set([...Object.keys(SERVED_AUTH_ROUTES), ...UNUSED_AUTH_ROUTES]);
    const paths = Object.values(auth.api)
      .map((endpoint) => (endpoint as { path?: string }).path)
      .filter((path): path is string => Boolean(path));
    expect(paths.filter((path) => !known.has(path))).toEqual([]);
    expect(Object.keys(SERVED_AUTH_ROUTES).filter((path) => !paths.includes(path))).toEqual([]);
  });
});

describe('sign-out', () => {
  it('signs out with no body at all, an empty body, or an empty text/plain body', async () => {
    for (const init of [
      { headers: {} },
      { headers: { 'content-length': '0' }, body: '' },
      { headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: '' },
    ] as { headers: Record<string, string>; body?: string }[]) {
      const someone = await signUp(t.app, 'leaving');
      const reply = await t.app.request('/api/auth/sign-out', {
        method: 'POST',
        headers: { authorization: `Bearer ${someone.token}`, ...init.headers },
        body: init.body,
      });
      expect(reply.status, JSON.stringify(init)).toBe(200);
      expect((await someone.call('GET', '/api/me/tasks')).status).toBe(401);
    }
  });

  it('still refuses a body that is not JSON', async () => {
    const reply = await t.app.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'text/plain' },
      body: 'bye',
    });
    expect(reply.status).toBe(415);
    expect((await user.call('GET', '/api/me/tasks')).status).toBe(200);
  });
});
