// Who a session token belongs to, in one statement: the per-request path of every signed-in call.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sessions, users } from '../db/schema.ts';
import type { AuthenticatedUser } from '../http/router.ts';
import { type Auth, SESSION_SECONDS } from './auth.ts';

/**
 * Better Auth's getSession verifies the token's signature twice through WebCrypto, reads the
 * session and then its user, and runs its plugin hooks: about a third of the API's CPU on a list
 * request. The common case, a signed, live session not yet due for its daily extension, is
 * answered here with one HMAC and one joined read. Every other case (no or a bad signature, an
 * unknown or expired session, one due for extension) goes to getSession, so that deleting
 * expired sessions, extending them and setting their cookies stay Better Auth's own. Nothing is
 * cached: a session signed out on one replica is refused by every other at the next request.
 */
export function createSessionReader(auth: Auth, db: Db) {
  const secret = auth.options.secret as string;
  const cookieName = auth.$context.then((context) => context.authCookies.sessionToken.name);
  // Prepared on first use, once per connection that runs it.
  let byToken: ReturnType<typeof prepareByToken> | undefined;
  const slowPath = async (request: Headers): Promise<AuthenticatedUser | undefined> => {
    const headers = new Headers(request);
    // As in requireUser: a request that names a credential is judged by it alone.
    if (headers.has('authorization')) headers.delete('cookie');
    const session = await auth.api.getSession({ headers });
    if (!session) return undefined;
    const { id, email, name } = session.user;
    return { id, email, name };
  };

  /** The signed-in user of a request with a session token (bearer, or cookie when none). */
  return async function readSession(headers: Headers): Promise<AuthenticatedUser | undefined> {
    const signed = signedValue(headers, await cookieName);
    const token = signed && verifiedToken(signed, secret);
    if (!token) return slowPath(headers);
    byToken ??= prepareByToken(db);
    const [row] = await byToken.execute({ token });
    if (!row || dueForExtensionOrExpired(row.expiresAt)) return slowPath(headers);
    return { id: row.id, email: row.email, name: row.name };
  };
}

function prepareByToken(db: Db) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, sql.placeholder('token')))
    .limit(1)
    .prepare('session_by_token');
}

function signedValue(headers: Headers, cookieName: string): string | undefined {
  const authorization = headers.get('authorization');
  if (authorization !== null) return decode(authorization.slice('Bearer '.length).trim());
  for (const pair of (headers.get('cookie') ?? '').split(';')) {
    const equals = pair.indexOf('=');
    if (equals > 0 && pair.slice(0, equals).trim() === cookieName) {
      return decode(pair.slice(equals + 1).trim());
    }
  }
  return undefined;
}

const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
};

/** `token.signature`, the signature the standard-base64 HMAC-SHA256 Better Auth signs with. */
function verifiedToken(signed: string, secret: string): string | undefined {
  const dot = signed.lastIndexOf('.');
  if (dot < 1) return undefined;
  const token = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(createHmac('sha256', secret).update(token).digest('base64'));
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : undefined;
}

/** getSession's own rule: extend once the session is `updateAge` old, refuse once expired. */
function dueForExtensionOrExpired(expiresAt: Date): boolean {
  const { expiresIn, updateAge } = SESSION_SECONDS;
  return expiresAt.getTime() - (expiresIn - updateAge) * 1000 <= Date.now();
}
