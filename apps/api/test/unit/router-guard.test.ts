// A router carries its own guard: mounted on a bare app, with no path listed anywhere, its
// resources refuse whoever createRouter's `auth` does not admit.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import type { Auth } from '../../src/auth/auth.ts';
import type { UserLimits } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { handleError } from '../../src/http/error-handler.ts';
import { type AppEnv, createGuard, createRouter } from '../../src/http/router.ts';

const ann = { id: 'u-ann', email: 'ann@example.com', name: 'Ann' };
// Ann's session is the cookie `ann`; there is no other, and no database behind it.
const auth = {
  api: {
    getSession: async ({ headers }: { headers: Headers }) =>
      headers.get('cookie') === 'better-auth.session_token=ann' ? { user: ann } : null,
  },
  // What the session reader needs before it gives a token without a signature to getSession.
  options: { secret: 'unit-test-secret' },
  $context: Promise.resolve({
    authCookies: { sessionToken: { name: 'better-auth.session_token' } },
  }),
} as unknown as Auth;
const database = { ping: async () => {} } as unknown as Database;
const limits: UserLimits = {
  enabled: true,
  requests: { max: 2, windowSeconds: 60 },
  chatTurns: { max: 1, windowSeconds: 60 },
  inFlight: 2,
  queued: 2,
};
const ok = {
  200: { content: { 'application/json': { schema: z.object({}) } }, description: 'ok' },
};
const params = z.object({ user_id: z.string() });

function bareApp(mode: 'user' | 'session') {
  const guard = createGuard({ auth, database, limits, trustedOrigins: [] });
  const router = createRouter({ guard, auth: mode, resources: ['widgets'] });
  router.openapi(
    createRoute({
      method: 'get',
      path: '/api/{user_id}/widgets',
      request: { params },
      responses: ok,
    }),
    (c) => c.json({ owner: c.get('user').id }, 200),
  );
  const open = createRouter({ auth: 'public', resources: ['open'] });
  open.openapi(createRoute({ method: 'get', path: '/api/open', responses: ok }), (c) =>
    c.json({}, 200),
  );
  const app = new OpenAPIHono<AppEnv>();
  app.route('/', router);
  app.route('/', open);
  app.onError(handleError);
  return app;
}

const asAnn = { cookie: 'better-auth.session_token=ann' };
const status = async (
  app: OpenAPIHono<AppEnv>,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  env?: object,
) => (await app.fetch(new Request(`http://local${path}`, { method, headers }), env)).status;

describe("a router's own guard", () => {
  it("with auth 'user' refuses a request without a credential, on every path of its resources", async () => {
    const app = bareApp('user');
    expect(await status(app, 'GET', '/api/me/widgets')).toBe(401);
    expect(await status(app, 'GET', '/api/me/widgets/undocumented')).toBe(401);
    // Authentication comes before the 405, as before: a stranger learns nothing of the methods.
    expect(await status(app, 'PUT', '/api/me/widgets')).toBe(401);
    expect(await status(app, 'GET', '/api/me/widgets', asAnn)).toBe(200);
    expect(await status(app, 'PUT', '/api/me/widgets', asAnn)).toBe(405);
  });

  it("with auth 'public' admits anyone, and still answers 405 for a method it lacks", async () => {
    const app = bareApp('user');
    expect(await status(app, 'GET', '/api/open')).toBe(200);
    expect(await status(app, 'POST', '/api/open')).toBe(405);
  });

  it('checks the path names the caller, then spends their budget', async () => {
    const app = bareApp('user');
    expect(await status(app, 'GET', '/api/u-bob/widgets', asAnn)).toBe(403);
    expect(await status(app, 'GET', `/api/${ann.id}/widgets`, asAnn)).toBe(200);
    expect(await status(app, 'GET', '/api/me/widgets', asAnn)).toBe(200);
    expect(await status(app, 'GET', '/api/me/widgets', asAnn)).toBe(429);
  });

  // That it also refuses a personal token needs a token in a database: tokens.test.ts.
  it("with auth 'session' serves a signed-in session", async () => {
    const app = bareApp('session');
    expect(await status(app, 'GET', '/api/me/widgets')).toBe(401);
    expect(await status(app, 'GET', '/api/me/widgets', asAnn)).toBe(200);
  });
});
