// Session middleware: who is calling (cookie or bearer token), and whether the path agrees.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Database } from '../db/client.ts';
import { AppError, forbiddenUser, unauthorized } from '../http/errors.ts';
import type { AppEnv } from '../http/router.ts';
import { TOKEN_PREFIX, userForToken } from '../tokens/queries.ts';
import type { Auth } from './auth.ts';
import { createSessionReader } from './session-reader.ts';

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

export function requireUser(auth: Auth, database: Database) {
  const readSession = createSessionReader(auth, database.db);
  return createMiddleware<AppEnv>(async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      // A request that names a credential is judged by it alone: falling back to the cookie
      // let a bogus bearer header carry a cross-site write past rejectCrossSiteWrites.
      const bearer = /^Bearer (\S+)$/i.exec(authorization)?.[1];
      if (!bearer) throw unauthorized();
      if (bearer.startsWith(TOKEN_PREFIX)) {
        const user = await userForToken(database.db, bearer);
        if (!user) throw unauthorized();
        c.set('user', user);
        c.set('authMethod', 'api_token');
        return next();
      }
    }
    const user = await readSession(c.req.raw.headers);
    if (!user) {
      // Better Auth answers "no session" when it cannot reach the database; a signed-in user
      // must then get a 503 to retry, not a 401 that sends them back to sign-in.
      if (authorization || c.req.header('cookie')) await database.ping();
      throw unauthorized();
    }
    c.set('user', user);
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

/** After requireUser: a caller who came with a personal token is refused. */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('authMethod') === 'api_token') {
    throw new AppError(403, 'session_required', 'Sign in to manage tokens; an API token cannot.');
  }
  await next();
});
