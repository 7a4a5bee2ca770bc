// JSON logs, and a request context: an id on every request, its log lines and its response.
import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import pino, { type Logger } from 'pino';
import type { AppEnv } from '../http/router.ts';
import type { LogOutput } from './log-output.ts';
import { redact } from './redact.ts';

export function createLogger(level: string, output: LogOutput): Logger {
  return pino(
    {
      level,
      base: { service: 'todo-chatbot-api' },
      // Every call, whoever makes it (Better Auth's logger too): errors lose their SQL parameters
      // before pino serializes them, wherever in the arguments they are.
      hooks: {
        logMethod(args, method) {
          return method.apply(this, args.map((arg) => redact(arg)) as Parameters<typeof method>);
        },
      },
    },
    output,
  );
}

const PROBE_PATHS = new Set(['/healthz', '/readyz', '/metrics']);
const INCOMING_ID = /^[\w.:-]{1,128}$/;

export function requestContext(logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    const requestLogger = logger.child({ request_id: requestId });
    c.set('requestId', requestId);
    c.set('logger', requestLogger);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    const line = {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
    };
    // Probes arrive every few seconds from every kubelet; at info they would drown the rest.
    if (PROBE_PATHS.has(c.req.path)) requestLogger.debug(line, 'request');
    else requestLogger.info(line, 'request');
  });
}
