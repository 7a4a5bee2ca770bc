// Router factory shared by every resource: typed context, one validation hook, and the guard
// each router declares for its own paths, so that mounting a router is all it takes.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { Auth } from '../auth/auth.ts';
import { requirePathUser, requireSession, requireUser } from '../auth/middleware.ts';
import type { UserLimits } from '../config.ts';
import type { Database } from '../db/client.ts';
import { rejectCrossSiteWrites } from './csrf.ts';
import { describeIssues, errorBody } from './errors.ts';
import { userLimits } from './user-limits.ts';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
}

/** Who the caller is, and how they proved it. */
export interface Caller {
  user: AuthenticatedUser;
  authMethod: 'session' | 'api_token';
}

export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    user: Caller['user'];
    authMethod: Caller['authMethod'];
  };
}

type Middleware = MiddlewareHandler<AppEnv>;

/** The checks routers put before their handlers, built once per app. */
export interface Guard {
  /** Cookie-authenticated writes must come from our own site. */
  sameSiteWrites: Middleware;
  /** Who is calling (/mcp): per-credential bound before the lookup, the user's budgets after. */
  caller: Middleware[];
  /** The same, and `{user_id}` must name the caller: checked before their budget is spent. */
  pathUser: Middleware[];
}

export function createGuard(options: {
  auth: Auth;
  database: Database;
  limits: UserLimits;
  trustedOrigins: string[];
}): Guard {
  // One budget per user for REST and MCP alike (chat turns have their own, smaller one).
  const perUser = userLimits(options.limits);
  const authenticate = requireUser(options.auth, options.database);
  return {
    sameSiteWrites: rejectCrossSiteWrites(options.trustedOrigins),
    caller: [perUser.beforeAuth, authenticate, perUser.afterAuth],
    pathUser: [perUser.beforeAuth, authenticate, requirePathUser, perUser.afterAuth],
  };
}

/**
 * Which paths a router owns, and who may call them, whatever the method or sub-path: `public`,
 * anyone, under `/api/<resource>`; `user`, the path's own user signed in (session or personal
 * token), under `/api/{user_id}/<resource>`; `session`, the same but not by a personal token.
 */
export type RouterOptions =
  | { auth: 'public'; resources: string[] }
  | { auth: 'user' | 'session'; guard: Guard; resources: string[] };

export function createRouter(options: RouterOptions) {
  const router = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const { message, details } = describeIssues(result.error.issues);
      // A malformed path or query is a bad request; a well-formed body with bad values is 422.
      const status = result.target === 'json' ? 422 : 400;
      return c.json(errorBody('validation_failed', message, details, c.get('requestId')), status);
    },
  });
  const methods = refuseUndocumentedMethods(router);
  for (const resource of options.resources) {
    // `/x/*` also matches `/x` itself; registering both ran the session lookup twice. Nothing
    // here may match another router's paths: /metrics labels a request by its last match.
    const scope = options.auth === 'public' ? `/api/${resource}/*` : `/api/:user_id/${resource}/*`;
    if (options.auth !== 'public') router.use(scope, ...options.guard.pathUser);
    router.use(scope, methods);
    // After the 405: which methods a path has is no secret, whatever the credential.
    if (options.auth === 'session') router.use(scope, requireSession);
  }
  return router;
}

/**
 * A documented path asked with another method gets 405 and the methods it has (RFC 9110),
 * also where a parameter would match: PUT /tasks/parse is not PUT /tasks/{id} with id "parse".
 */
function refuseUndocumentedMethods(router: OpenAPIHono<AppEnv>): Middleware {
  let documented: ReturnType<typeof documentedMethods> | undefined;
  return async (c, next) => {
    documented ??= documentedMethods(router);
    const allowed = documented.find(({ pattern }) => pattern.test(c.req.path))?.methods;
    if (!allowed || allowed.includes(c.req.method)) return next();
    const message = `${c.req.method} is not allowed on ${c.req.path}; it answers ${allowed.join(', ')}.`;
    return c.json(errorBody('method_not_allowed', message, undefined, c.get('requestId')), 405, {
      Allow: allowed.join(', '),
    });
  };
}

/**
 * The methods of each path of the router's OpenAPI routes (GET also answers HEAD), most
 * specific first. Read at the first request, when every route is registered.
 */
function documentedMethods(router: OpenAPIHono<AppEnv>) {
  const byPath = new Map<string, Set<string>>();
  for (const definition of router.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const { path, method } = definition.route;
    const methods = byPath.get(path) ?? new Set<string>();
    methods.add(method.toUpperCase());
    if (method === 'get') methods.add('HEAD');
    byPath.set(path, methods);
  }
  return [...byPath]
    .map(([path, methods]) => ({
      // `/tasks/parse` before `/tasks/{id}`: fixed segments win, as in the router.
      literal: path.replace(/\{[^}]+\}/g, '').length,
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      methods: [...methods],
    }))
    .sort((a, b) => b.literal - a.literal)
    .map(({ pattern, methods }) => ({ pattern, methods }));
}
