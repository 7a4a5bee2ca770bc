// requireUser's in-process path: the assistant's own MCP calls carry the outer request's caller
// in the fetch environment, which a request arriving over HTTP cannot set.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { Auth } from '../../src/auth/auth.ts';
import { IN_PROCESS_CALLER, requireUser } from '../../src/auth/middleware.ts';
import type { Database } from '../../src/db/client.ts';
import { AppError } from '../../src/http/errors.ts';
import type { AppEnv, Caller } from '../../src/http/router.ts';

// No session exists, and nothing may reach the database: the in-process path needs neither.
const auth = {
  api: { getSession: async () => null },
  options: { secret: 'unit-test-secret' },
  $context: Promise.resolve({
    authCookies: { sessionToken: { name: 'better-auth.session_token' } },
  }),
} as unknown as Auth;
const database = {
  ping: async () => {
    throw new Error('the database was reached');
  },
} as unknown as Database;

const app = new Hono<AppEnv>()
  .onError((error, c) =>
    error instanceof AppError
      ? c.json({ code: error.code }, error.status)
      : c.json({ code: 'unexpected', message: error.message }, 500),
  )
  .use(requireUser(auth, database))
  .get('/whoami', (c) => c.json({ user: c.get('user'), authMethod: c.get('authMethod') }));

const ann = { id: 'u-ann', email: 'ann@example.com', name: 'Ann' };

describe('the in-process caller', () => {
  it('is the outer caller, with the way they authenticated kept', async () => {
    for (const authMethod of ['session', 'api_token'] as const) {
      const caller: Caller = { user: ann, authMethod };
      const reply = await app.fetch(new Request('http://in-process/whoami'), {
        [IN_PROCESS_CALLER]: caller,
      });
      expect(reply.status).toBe(200);
      expect(await reply.json()).toEqual({ user: ann, authMethod });
    }
  });

  it('cannot be claimed without it: the same request from outside is unauthenticated', async () => {
    const reply = await app.fetch(new Request('http://in-process/whoami'), {
      incoming: {},
      outgoing: {},
    });
    expect(reply.status).toBe(401);
    expect(await reply.json()).toEqual({ code: 'unauthorized' });
  });
});
