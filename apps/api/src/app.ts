// Builds the HTTP application from its dependencies: routes, auth, docs, operations.
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import type { Auth } from './auth/auth.ts';
import { authHandler } from './auth/handler.ts';
import { IN_PROCESS_CALLER, requirePathUser, requireUser } from './auth/middleware.ts';
import { createChatRouter } from './chat/index.ts';
import { type AssistantModel, createAssistantModel } from './chat/providers.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { rejectCrossSiteWrites } from './http/csrf.ts';
import { mountDocs } from './http/docs.ts';
import { handleError } from './http/error-handler.ts';
import { errorBody } from './http/errors.ts';
import type { AppEnv } from './http/router.ts';
import { userLimits } from './http/user-limits.ts';
import { mountWeb } from './http/web.ts';
import { createMcpRoute } from './mcp/index.ts';
import { type Lifecycle, mountHealth } from './ops/health.ts';
import type { LogOutput } from './ops/log-output.ts';
import { requestContext } from './ops/logging.ts';
import { createMetrics } from './ops/metrics.ts';
import { createTasksRouter } from './tasks/index.ts';
import { createTokensRouter } from './tokens/index.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  auth: Auth;
  logger: Logger;
  /** Where the logger writes, for the count of dropped lines in /metrics. */
  logs?: LogOutput;
  lifecycle?: Lifecycle;
  /** The model behind chat; by default the one LLM_PROVIDER names. */
  assistant?: AssistantModel;
}

export function createApp({
  config,
  database,
  auth,
  logger,
  logs,
  lifecycle = { shuttingDown: false },
  assistant = createAssistantModel(config.llm),
}: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const metrics = createMetrics(logs);

  app.use(requestContext(logger));
  app.use(metrics.middleware);
  app.use(secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  app.use(async (c, next) => {
    await next();
    // Keep-alive clients must reconnect, and so land on a replica that is not stopping.
    if (lifecycle.shuttingDown) c.header('Connection', 'close');
  });

  mountHealth(app, database, lifecycle);
  app.get('/metrics', async (c) =>
    c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType }),
  );

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: (c) =>
        c.json(
          errorBody(
            'payload_too_large',
            `The request body is larger than ${config.bodyLimitBytes} bytes.`,
          ),
          413,
        ),
    }),
  );
  app.on(['GET', 'POST'], '/api/auth/*', authHandler({ auth, db: database.db, config }));
  const sameSiteWrites = rejectCrossSiteWrites([config.publicUrl, ...config.auth.trustedOrigins]);
  app.use('/api/*', sameSiteWrites);
  app.use('/mcp', sameSiteWrites);
  mountDocs(app, config.version);

  // `/x/*` also matches `/x` itself; registering both ran the session lookup twice.
  // One budget per user for REST and MCP alike (chat turns have their own, smaller one).
  const perUser = userLimits(config.userLimits);
  for (const resource of ['tasks', 'chat', 'conversations', 'tokens']) {
    app.use(
      `/api/:user_id/${resource}/*`,
      perUser.beforeAuth,
      requireUser(auth, database),
      requirePathUser,
      perUser.afterAuth,
    );
  }
  // A documented path asked with another method gets 405 and the methods it has (RFC 9110),
  // also where a parameter would match: PUT /tasks/parse is not PUT /tasks/{id} with id "parse".
  let documented: ReturnType<typeof documentedMethods> | undefined;
  app.use('/api/*', async (c, next) => {
    documented ??= documentedMethods(app);
    const allowed = documented.find(({ pattern }) => pattern.test(c.req.path))?.methods;
    if (!allowed || allowed.includes(c.req.method)) return next();
    const message = `${c.req.method} is not allowed on ${c.req.path}; it answers ${allowed.join(', ')}.`;
    return c.json(errorBody('method_not_allowed', message, undefined, c.get('requestId')), 405, {
      Allow: allowed.join(', '),
    });
  });
  app.route('/', createTasksRouter(database.db, { tasksPerUserMax: config.tasksPerUserMax }));
  app.route('/', createTokensRouter(database.db));
  app.route(
    '/',
    createChatRouter({
      db: database.db,
      assistant,
      // The agent reaches tasks through this app's own MCP endpoint, in-process, as the caller
      // the chat request already authenticated (no second session lookup per MCP message).
      mcpFetch: async (url, init, caller) =>
        app.fetch(new Request(url, init), { [IN_PROCESS_CALLER]: caller }),
      history: config.chatHistory,
      limits: config.chatLimits,
      timeoutMs: config.llm.timeoutMs,
      tracing: config.llm.tracing,
      logger,
    }),
  );
  app.on(
    ['GET', 'POST', 'DELETE'],
    '/mcp',
    perUser.beforeAuth,
    requireUser(auth, database),
    perUser.afterAuth,
    createMcpRoute({
      db: database.db,
      logger,
      version: config.version,
      maxBodyBytes: config.bodyLimitBytes,
      maxBatchMessages: config.mcpBatchMax,
    }),
  );

  const webNotFound = config.webDir ? mountWeb(app, config.webDir) : undefined;
  app.notFound(
    async (c) =>
      (await webNotFound?.(c)) ??
      c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404),
  );
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;

/**
 * The methods of each path in the OpenAPI document (GET also answers HEAD), most specific first.
 * Read at the first request, when every route is registered.
 */
function documentedMethods(app: OpenAPIHono<AppEnv>): { pattern: RegExp; methods: string[] }[] {
  const byPath = new Map<string, Set<string>>();
  for (const definition of app.openAPIRegistry.definitions) {
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
