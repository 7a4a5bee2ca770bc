// Builds the HTTP application from its dependencies: routes, auth, docs, operations.
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import type { Auth } from './auth/auth.ts';
import { authHandler } from './auth/handler.ts';
import { createAssistantRouter, createChatRouter } from './chat/index.ts';
import { type AssistantModel, createAssistantModel } from './chat/providers.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { mountDocs } from './http/docs.ts';
import { handleError } from './http/error-handler.ts';
import { errorBody } from './http/errors.ts';
import { type AppEnv, createGuard } from './http/router.ts';
import { mountWeb } from './http/web.ts';
import { createMcpEndpoint, createMcpRouter } from './mcp/index.ts';
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
  // Each router guards its own paths with this; the shared budgets live in it.
  const guard = createGuard({
    auth,
    database,
    limits: config.userLimits,
    trustedOrigins: [config.publicUrl, ...config.auth.trustedOrigins],
  });
  // Also where no route answers: an unknown path is no reason to accept a cross-site write.
  app.use('/api/*', guard.sameSiteWrites);
  mountDocs(app, config.version);

  const { tasksPerUserMax } = config;
  const mcp = createMcpEndpoint({
    db: database.db,
    logger,
    version: config.version,
    maxBodyBytes: config.bodyLimitBytes,
    maxBatchMessages: config.mcpBatchMax,
    countMessage: metrics.countMcpMessage,
  });
  app.route('/', createTasksRouter(database.db, { tasksPerUserMax, guard }));
  app.route('/', createTokensRouter(database.db, guard));
  app.route('/', createAssistantRouter(assistant));
  app.route(
    '/',
    createChatRouter({
      guard,
      db: database.db,
      assistant,
      // The agent reaches tasks through this app's own MCP endpoint, in-process, as the caller
      // the chat request already authenticated: past the HTTP middleware, which that request
      // has been through once.
      mcpFetch: async (url, init, caller) =>
        mcp(new Request(url, init), caller.user.id, 'assistant'),
      history: config.chatHistory,
      limits: config.chatLimits,
      timeoutMs: config.llm.timeoutMs,
      tracing: config.llm.tracing,
      logger,
    }),
  );
  app.route('/', createMcpRouter(mcp, guard));

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
