// Prometheus metrics: request count and latency by route and status, plus process metrics.
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { AppEnv } from '../http/router.ts';
import type { LogOutput } from './log-output.ts';

export interface Metrics {
  registry: Registry;
  middleware: ReturnType<typeof createMiddleware<AppEnv>>;
  /** One JSON-RPC message the MCP endpoint received, from a client over HTTP or the assistant. */
  countMcpMessage(method: unknown, via: McpCaller): void;
}

export type McpCaller = 'http' | 'assistant';

// Any other method is counted as "other", so a client cannot grow the label set.
const MCP_METHODS = new Set([
  'initialize',
  'notifications/initialized',
  'server/discover',
  'ping',
  'tools/list',
  'tools/call',
]);

/** One registry per app instance, so tests can build several apps in one process. */
export function createMetrics(logs?: Pick<LogOutput, 'dropped'>): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  if (logs) {
    let counted = 0;
    new Counter({
      name: 'log_lines_dropped_total',
      help: 'Log lines dropped because stdout was closed or its reader too far behind',
      registers: [registry],
      collect() {
        const dropped = logs.dropped;
        this.inc(dropped - counted);
        counted = dropped;
      },
    });
  }
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests served, by method, route and status',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency in seconds, by method, route and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    const stop = duration.startTimer();
    await next();
    // Route patterns, never raw paths, keep the label set bounded.
    const pattern = routePath(c, -1);
    const labels = {
      method: c.req.method,
      route: pattern.endsWith('*') ? 'other' : pattern,
      status: String(c.res.status),
    };
    stop(labels);
    requests.inc(labels);
  });
  // The assistant's MCP messages never pass the HTTP middleware: this is where they show.
  const mcpMessages = new Counter({
    name: 'mcp_messages_total',
    help: 'MCP messages received, by JSON-RPC method and by caller (an MCP client over HTTP, or the assistant in-process)',
    labelNames: ['method', 'via'] as const,
    registers: [registry],
  });
  const countMcpMessage = (method: unknown, via: McpCaller) =>
    mcpMessages.inc({
      method: typeof method === 'string' && MCP_METHODS.has(method) ? method : 'other',
      via,
    });
  return { registry, middleware, countMcpMessage };
}
