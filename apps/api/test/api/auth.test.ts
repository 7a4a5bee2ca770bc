// Accounts: sign-up, sign-in, sign-out, cookie and bearer sessions, JWTs, rate limiting.
import { eq } from 'drizzle-orm';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/db/schema.ts';
import { createTestApp, ORIGIN, send, signUp, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const credentials = (email: string, password = 'correct horse battery') => ({ email, password });

describe('sign-up and sign-in', () => {
  it('signs up, returning a bearer token and a session cookie that both work', async () => {
    const reply = await send(t.app, 'POST', '/api/auth/sign-up/email', {
      ...credentials('Cookie.User@Example.com'),
      name: 'Cookie User',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.user).toMatchObject({
      email: 'cookie.user@example.com',
      name: 'Cookie User',
    });
    const cookie = reply.headers.get('set-cookie')?.split(';')[0];
    expect(cookie).toMatch(/^better-auth\.session_token=/);
    const viaCookie = await send(t.app, 'GET', '/api/me/tasks', undefined, {
      cookie: cookie as string,
    });
    expect(viaCookie.status).toBe(200);
    const token = reply.headers.get('set-auth-token');
    const viaBearer = await send(t.app, 'GET', '/api/me/tasks', undefined, {
      authorization: `Bearer ${token}`,
    });
    expect(viaBearer.status).toBe(200);
  });

  it('signs in with the right password and refuses a wrong one', async () => {
    const user = await signUp(t.app, 'signin');
    const ok = await send(t.app, 'POST', '/api/auth/sign-in/email', credentials(user.email));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-auth-token')).toBeTruthy();
    const wrong = await send(
      t.app,
      'POST',
      '/api/auth/sign-in/email',
      credentials(user.email, 'wrong password!'),
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toMatch(/invalid email or password/i);
  });

  it('gives a duplicate email no session, and refuses a short password and an invalid email', async () => {
    const user = await signUp(t.app, 'dup');
    const duplicate = await send(t.app, 'POST', '/api/auth/sign-up/email', {
      ...credentials(user.email),
      name: 'x',
    });
    // The same answer as a new account's, without the session (sign-up-privacy.test.ts).
    expect(duplicate.status).toBe(200);
    expect(duplicate.body.token).toBeNull();
    const short = await send(t.app, 'POST', '/api/auth/sign-up/email', {
      email: 'short@example.com',
      password: 'abc',
      name: 'x',
    });
    expect(short.status).toBe(400);
    expect(short.body.message).toMatch(/password too short/i);
    const invalid = await send(t.app, 'POST', '/api/auth/sign-up/email', {
      email: 'not-an-email',
      password: 'long enough pass',
      name: 'x',
    });
    expect(invalid.status).toBe(400);
  });

  it('sign-out ends the session: the token stops working', async () => {
    const user = await signUp(t.app, 'signout');
    const out = await user.call('POST', '/api/auth/sign-out', {});
    expect(out.status).toBe(200);
    expect((await user.call('GET', '/api/me/tasks')).status).toBe(401);
  });
});

describe('expired and forged credentials', () => {
  it('refuses a session token once the session has expired', async () => {
    const user = await signUp(t.app, 'expiring');
    expect((await user.call('GET', '/api/me/tasks')).status).toBe(200);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(sessions.userId, user.userId));
    const reply = await user.call('GET', '/api/me/tasks');
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthorized');
    // Better Auth deletes an expired session when it meets one.
    const left = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, user.userId));
    expect(left).toEqual([]);
  });

  it('extends a session once it is a day old, and leaves a younger one as it is', async () => {
    const user = await signUp(t.app, 'extended');
    const expiry = async () =>
      (
        await t.database.db.select().from(sessions).where(eq(sessions.userId, user.userId))
      )[0]?.expiresAt.getTime() as number;
    const day = 24 * 60 * 60 * 1000;
    const young = Date.now() + 30 * day - 60 * 60 * 1000;
    const old = Date.now() + 29 * day - 60 * 60 * 1000;
    for (const [expiresAt, extended] of [
      [young, false],
      [old, true],
    ] as const) {
      await t.database.db
        .update(sessions)
        .set({ expiresAt: new Date(expiresAt) })
        .where(eq(sessions.userId, user.userId));
      expect((await user.call('GET', '/api/me/tasks')).status).toBe(200);
      if (extended) expect(await expiry()).toBeGreaterThan(Date.now() + 30 * day - 60_000);
      else expect(await expiry()).toBe(expiresAt);
    }
  });

  it('refuses a token whose signature does not match, and a token from another server', async () => {
    const user = await signUp(t.app, 'forged');
    const [raw] = user.token.split('.');
    for (const token of [
      `${raw}.forged-signature`,
      raw as string,
      'Bearer',
      'a.b.c',
      user.token.toUpperCase(),
    ]) {
      const reply = await send(t.app, 'GET', '/api/me/tasks', undefined, {
        authorization: `Bearer ${token}`,
      });
      expect(reply.status, token).toBe(401);
      const cookie = `better-auth.session_token=${encodeURIComponent(token)}`;
      expect((await send(t.app, 'GET', '/api/me/tasks', undefined, { cookie })).status).toBe(401);
    }
    const other = await createTestApp({
      env: { BETTER_AUTH_SECRET: 'a-completely-different-secret-of-length-40' },
    });
    try {
      const stranger = await signUp(other.app, 'stranger');
      const reply = await send(t.app, 'GET', '/api/me/tasks', undefined, {
        authorization: `Bearer ${stranger.token}`,
      });
      expect(reply.status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('JWT for other services', () => {
  it('issues a JWT that verifies against the JWKS endpoint, with the user id as subject', async () => {
    const user = await signUp(t.app, 'jwt');
    const { body } = await user.call('GET', '/api/auth/token');
    const jwks = await send(t.app, 'GET', '/api/auth/jwks');
    expect(jwks.status).toBe(200);
    const { payload } = await jwtVerify(body.token, createLocalJWKSet(jwks.body), {
      issuer: ORIGIN,
      audience: ORIGIN,
    });
    expect(payload.sub).toBe(user.userId);
    expect(payload.email).toBe(user.email);
    expect(payload).not.toHaveProperty('image');
  });

  it('a JWT signed by another key is refused', async () => {
    const user = await signUp(t.app, 'jwt2');
    const { body } = await user.call('GET', '/api/auth/token');
    const other = await createTestApp();
    try {
      await signUp(other.app, 'other');
      const otherJwks = await send(other.app, 'GET', '/api/auth/jwks');
      await expect(jwtVerify(body.token, createLocalJWKSet(otherJwks.body))).rejects.toThrow();
    } finally {
      await other.close();
    }
  });
});

describe('rate limiting', () => {
  it('refuses sign-in attempts past the limit with 429 and Retry-After, per client address', async () => {
    const limited = await createTestApp({
      env: { AUTH_RATE_LIMIT_ENABLED: 'true', SIGN_IN_RATE_LIMIT_MAX: '3', TRUST_PROXY: 'true' },
    });
    try {
      const user = await signUp(limited.app, 'brute');
      const attempt = (ip: string) =>
        send(
          limited.app,
          'POST',
          '/api/auth/sign-in/email',
          credentials(user.email, 'guess guess guess'),
          {
            'x-forwarded-for': ip,
          },
        );
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await attempt('203.0.113.7')).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const blocked = await attempt('203.0.113.7');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await attempt('198.51.100.1')).status).toBe(401);
    } finally {
      await limited.close();
    }
  });

  /** Three failed sign-ins from one client, each with the headers it picks for attempt i. */
  async function threeFailedSignIns(
    env: Record<string, string>,
    headers: (i: number) => Record<string, string>,
  ) {
    const limited = await createTestApp({
      env: { AUTH_RATE_LIMIT_ENABLED: 'true', SIGN_IN_RATE_LIMIT_MAX: '2', ...env },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const body = credentials('nobody@example.com');
        statuses.push(
          (await send(limited.app, 'POST', '/api/auth/sign-in/email', body, headers(i))).status,
        );
      }
      return statuses;
    } finally {
      await limited.close();
    }
  }

  it('a client cannot escape the limit by forging X-Forwarded-For behind our proxy', async () => {
    const behindProxy = { TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '1' };
    // nginx appends the address it saw; whatever the client wrote stays on the left.
    const forged = (i: number) => ({ 'x-forwarded-for': `10.9.9.${i}, 203.0.113.50` });
    expect(await threeFailedSignIns(behindProxy, forged)).toEqual([401, 401, 429]);
  });

  it('a client cannot pick its own address with our internal header', async () => {
    const picked = (i: number) => ({
      'x-todo-client-ip': `10.0.0.${i}`,
      'x-forwarded-for': `10.0.1.${i}`,
    });
    expect(await threeFailedSignIns({}, picked)).toEqual([401, 401, 429]);
  });
});

describe('cross-site requests', () => {
  it('refuses cookie-authenticated writes from another origin, and allows same-origin ones', async () => {
    const reply = await send(t.app, 'POST', '/api/auth/sign-up/email', {
      ...credentials('csrf@example.com'),
      name: 'Csrf',
    });
    const cookie = reply.headers.get('set-cookie')?.split(';')[0] as string;
    const write = (headers: Record<string, string>) =>
      t.app.request('/api/me/tasks', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ title: 'forged' }),
      });
    const forged = await write({ origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe(
      'cross_site_request',
    );
    expect((await write({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await write({ origin: ORIGIN })).status).toBe(201);
    expect((await write({ origin: 'http://127.0.0.1:8080' })).status).toBe(201);
    const mcp = await t.app.request('/mcp', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(mcp.status).toBe(403);
    const tasks = await send(t.app, 'GET', '/api/me/tasks', undefined, {
      cookie,
      origin: 'https://evil.example',
    });
    expect(tasks.body.tasks.map((task: { title: string }) => task.title)).toEqual([
      'forged',
      'forged',
    ]);
  });

  it('a bogus Authorization header beside the cookie does not carry a cross-site write', async () => {
    const reply = await send(t.app, 'POST', '/api/auth/sign-up/email', {
      ...credentials('csrf-bearer@example.com'),
      name: 'Csrf',
    });
    const cookie = reply.headers.get('set-cookie')?.split(';')[0] as string;
    for (const authorization of [
      'Bearer not-a-real-token',
      'Bearer todo_forged',
      'Basic eDp5',
      '',
    ]) {
      const forged = await send(
        t.app,
        'POST',
        '/api/me/tasks',
        { title: 'forged' },
        { cookie, authorization, origin: 'https://evil.example' },
      );
      expect([401, 403], authorization).toContain(forged.status);
      const viaMcp = await t.app.request('/mcp', {
        method: 'POST',
        headers: {
          cookie,
          authorization,
          origin: 'https://evil.example',
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      expect([401, 403], `mcp ${authorization}`).toContain(viaMcp.status);
    }
    const tasks = await send(t.app, 'GET', '/api/me/tasks', undefined, { cookie });
    expect(tasks.body.tasks).toEqual([]);
    // The cookie alone, from our own origin, still works; a bad bearer is refused even here.
    expect((await send(t.app, 'GET', '/api/me/tasks', undefined, { cookie })).status).toBe(200);
    const withBadBearer = await send(t.app, 'GET', '/api/me/tasks', undefined, {
      cookie,
      authorization: 'Bearer not-a-real-token',
    });
    expect(withBadBearer.status).toBe(401);
  });

  it('does not check bearer-token requests, which a browser never sends on its own', async () => {
    const user = await signUp(t.app, 'bearer-origin');
    const reply = await user.call(
      'POST',
      '/api/me/tasks',
      { title: 'scripted' },
      { origin: 'https://tool.example' },
    );
    expect(reply.status).toBe(201);
  });
});
