// Passes /api/auth requests to Better Auth: only the routes we serve, with the client's address,
// each password check on the account's budget, and personal tokens revoked with every session.
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { errorBody } from '../http/errors.ts';
import type { AppEnv } from '../http/router.ts';
import { revokeAllTokens } from '../tokens/queries.ts';
import { type Auth, CLIENT_IP_HEADER } from './auth.ts';
import { clientAddress } from './middleware.ts';
import { createPasswordGuard, describeWait, type Outcome } from './password-guard.ts';
import { SERVED_AUTH_ROUTES } from './routes.ts';

const BASE_PATH = '/api/auth';
/** The routes that check a password, and how each says the password was wrong. */
const PASSWORD_ROUTES: Record<string, { status: number; code?: string }> = {
  '/sign-in/email': { status: 401 },
  '/verify-password': { status: 400, code: 'INVALID_PASSWORD' },
  '/change-password': { status: 400, code: 'INVALID_PASSWORD' },
};

export interface AuthHandlerDeps {
  auth: Auth;
  db: Db;
  config: Config;
}

export function authHandler({ auth, db, config }: AuthHandlerDeps) {
  const guard = config.auth.rateLimit.enabled
    ? createPasswordGuard(db, config.auth.passwordGuard)
    : undefined;

  return async (c: Context<AppEnv>) => {
    const route = c.req.path.slice(BASE_PATH.length);
    const methods = SERVED_AUTH_ROUTES[route];
    if (!methods) {
      const message = `No route for ${c.req.method} ${c.req.path}.`;
      return c.json(errorBody('not_found', message, undefined, c.get('requestId')), 404);
    }
    if (!methods.includes(c.req.method as 'GET' | 'POST')) {
      const message = `${c.req.method} is not allowed on ${c.req.path}; it answers ${methods.join(', ')}.`;
      return c.json(errorBody('method_not_allowed', message, undefined, c.get('requestId')), 405, {
        Allow: methods.join(', '),
      });
    }

    const address = clientAddress(c, config.trustedProxyHops);
    const headers = new Headers(c.req.raw.headers);
    headers.set(CLIENT_IP_HEADER, address);
    let body: ArrayBuffer | undefined;
    if (c.req.method === 'POST') {
      body = await c.req.raw.arrayBuffer();
      // An empty POST (curl -X POST, a form without fields) is a request without a body, not
      // an empty text/plain one: Better Auth answered sign-out with 415 and kept the session.
      if (body.byteLength === 0) {
        body = undefined;
        headers.delete('content-type');
        headers.delete('content-length');
      }
    }
    const request = new Request(c.req.raw.url, { method: c.req.method, headers, body });
    const fields = body ? readFields(body, headers.get('content-type')) : {};

    // Who the request acts as, for the routes that check a password or end every session.
    const needsSession =
      route === '/verify-password' || route === '/change-password' || route === '/revoke-sessions';
    const session = needsSession ? await auth.api.getSession({ headers }) : null;
    const account =
      route === '/sign-in/email'
        ? typeof fields.email === 'string'
          ? fields.email
          : undefined
        : session?.user.email;

    const check = PASSWORD_ROUTES[route];
    const admission = guard && check && account ? await guard.admit(account, address) : undefined;
    if (admission && !admission.admitted) {
      c.get('logger').warn(
        {
          event: 'password_attempt_refused',
          route,
          client_address: address,
          retry_after_seconds: admission.retryAfterSeconds,
        },
        'password attempt refused: this account is waiting after failed attempts',
      );
      return tooManyAttempts(c, admission.retryAfterSeconds, 'for this account');
    }

    let finished = !admission?.admitted;
    try {
      const response = await auth.handler(request);
      if (admission?.admitted) {
        const outcome = check ? await outcomeOf(response, check) : 'neutral';
        finished = true;
        const tally = await admission.finish(outcome);
        if (outcome === 'failure') {
          const userId = session?.user.id ?? (await userIdFor(db, account));
          c.get('logger').warn(
            {
              event: 'password_failed',
              route,
              user_id: userId ?? null,
              client_address: address,
              failures_for_account: tally.account,
              failures_from_address: tally.address,
              wait_seconds: tally.waitSeconds,
            },
            'wrong password',
          );
        }
      }
      if (guard && route === '/sign-up/email' && response.headers.has('set-cookie')) {
        // The address a person signed up from is theirs: lockouts by others do not apply to it.
        if (typeof fields.email === 'string') await guard.trust(fields.email, address);
      }
      const endsEverything =
        route === '/revoke-sessions' ||
        (route === '/change-password' && fields.revokeOtherSessions === true);
      if (response.ok && session && endsEverything) await revokeAllTokens(db, session.user.id);
      return withRetryAfter(c, response);
    } finally {
      // A request that failed before its password was judged must not count against anyone.
      if (!finished && admission?.admitted) await admission.finish('neutral');
    }
  };
}

/** The fields of a JSON or form body, for the few this handler reads; Better Auth parses its own. */
function readFields(body: ArrayBuffer, contentType: string | null): Record<string, unknown> {
  const text = new TextDecoder().decode(body);
  try {
    if (/^application\/([\w.+-]*\+)?json/i.test(contentType ?? '')) {
      const parsed: unknown = JSON.parse(text);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    }
    if (/^application\/x-www-form-urlencoded/i.test(contentType ?? '')) {
      return Object.fromEntries(new URLSearchParams(text));
    }
  } catch {
    // Better Auth answers a malformed body itself.
  }
  return {};
}

async function outcomeOf(
  response: Response,
  wrong: { status: number; code?: string },
): Promise<Outcome> {
  if (response.ok) return 'success';
  if (response.status !== wrong.status) return 'neutral';
  if (!wrong.code) return 'failure';
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { code?: string } | null;
  return body?.code === wrong.code ? 'failure' : 'neutral';
}

async function userIdFor(db: Db, email: string | undefined): Promise<string | undefined> {
  if (!email) return undefined;
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  return user?.id;
}

function tooManyAttempts(c: Context<AppEnv>, seconds: number, scope: string) {
  const message = `Too many attempts ${scope}. Try again in ${describeWait(seconds)}.`;
  return c.json(errorBody('too_many_attempts', message, undefined, c.get('requestId')), 429, {
    'Retry-After': String(seconds),
  });
}

/**
 * Better Auth's per-address limit answers "Too many requests" with an X-Retry-After hint;
 * clients and proxies understand Retry-After, and people want to know how long to wait.
 */
function withRetryAfter(c: Context<AppEnv>, response: Response) {
  if (response.status !== 429) return response;
  const seconds = Math.max(1, Number(response.headers.get('x-retry-after')) || 60);
  return tooManyAttempts(c, seconds, 'from your network');
}
