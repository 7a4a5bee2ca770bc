// Session middleware: who is calling (cookie or bearer token), and whether the path agrees.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Database } from '../db/client.ts';
import { forbiddenUser, unauthorized } from '../http/errors.ts';
import type { AppEnv, Caller } from '../http/router.ts';
import { TOKEN_PREFIX, userForToken } from '../tokens/queries.ts';
import { type Auth, CLIENT_IP_HEADER } from './auth.ts';

/** Passes auth requests on with the client's address in a header only the server sets. */
export function authHandler(auth: Auth, trustedProxyHops: number | undefined) {
  return async (c: Context<AppEnv>) => {
    const headers = new Headers(c.req.raw.headers);
    headers.set(CLIENT_IP_HEADER, clientAddress(c, trustedProxyHops));
    const response = await auth.handler(new Request(c.req.raw, { headers }));
    // Better Auth names its hint X-Retry-After; clients and proxies understand Retry-After.
    const retryAfter = response.headers.get('x-retry-after');
    if (response.status === 429 && retryAfter) response.headers.set('Retry-After', retryAfter);
    return response;
  };
}

/**
 * The address the nearest trusted proxy saw. A client can put anything at the left of
 * X-Forwarded-For; only the entries our own proxies appended, counted from the right, are real.
 */
export function clientAddress(c: Context, trustedProxyHops: number | undefined): string {
  if (trustedProxyHops) {
    const chain = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const address = chain[Math.max(0, chain.length - trustedProxyHops)];
    if (address) return address;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'local';
  }
}

/**
 * Marks a request this process sends to itself (the assistant's MCP calls) with the caller the
 * outer request authenticated, and how: a personal token's caller stays a token's caller. It
 * travels in the fetch environment, which no HTTP client can reach: over the network
 * @hono/node-server sets it to the Node request and response.
 */
export const IN_PROCESS_CALLER = Symbol('in-process caller');

export function requireUser(auth: Auth, database: Database) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const inProcess = (c.env as Record<symbol, Caller> | undefined)?.[IN_PROCESS_CALLER];
    if (inProcess) {
      c.set('user', inProcess.user);
      c.set('authMethod', inProcess.authMethod);
      return next();
    }
    const bearer = /^Bearer (\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer?.startsWith(TOKEN_PREFIX)) {
      const user = await userForToken(database.db, bearer);
      if (!user) throw unauthorized();
      c.set('user', user);
      c.set('authMethod', 'api_token');
      return next();
    }
    const session = await auth.api.getSession({ headers: c.req.raw.headers });
    if (!session) {
      // Better Auth answers "no session" when it cannot reach the database; a signed-in user
      // must then get a 503 to retry, not a 401 that sends them back to sign-in.
      const presentedCredentials = c.req.header('authorization') || c.req.header('cookie');
      if (presentedCredentials) await database.ping();
      throw unauthorized();
    }
    const { id, email, name } = session.user;
    c.set('user', { id, email, name });
    c.set('authMethod', 'session');
    await next();
  });
}

/** `{user_id}` must be the caller's own id or `me`; identity never comes from the URL. */
export const requirePathUser = createMiddleware<AppEnv>(async (c, next) => {
  const pathUser = c.req.param('user_id');
  if (pathUser !== 'me' && pathUser !== c.get('user').id) throw forbiddenUser();
  await next();
});
