// The MCP server at /mcp: a fresh, stateless server per request, acting for the signed-in user.
import {
  type AuthInfo,
  createMcpHandler,
  isJsonContentType,
  McpServer,
  readRequestBody,
} from '@modelcontextprotocol/server';
import { type Context, Hono } from 'hono';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import type { AppEnv, Guard } from '../http/router.ts';
import type { McpCaller, Metrics } from '../ops/metrics.ts';
import type { ToolContext } from './context.ts';
import { registerAddTask } from './tools/add-task.ts';
import { registerCompleteTask } from './tools/complete-task.ts';
import { registerDeleteTask } from './tools/delete-task.ts';
import { registerListTasks } from './tools/list-tasks.ts';
import { registerUpdateTask } from './tools/update-task.ts';

export function buildMcpServer(context: ToolContext, version: string): McpServer {
  const server = new McpServer(
    { name: 'todo-chatbot', version },
    {
      instructions:
        "Tools to manage the signed-in user's todo list. Find ids with list_tasks before changing or deleting a task named by title.",
    },
  );
  registerAddTask(server, context);
  registerListTasks(server, context);
  registerCompleteTask(server, context);
  registerDeleteTask(server, context);
  registerUpdateTask(server, context);
  return server;
}

export interface McpEndpointOptions {
  db: Db;
  logger: Logger;
  version: string;
  maxBodyBytes: number;
  /** Most JSON-RPC messages in one batch: each tools/call in it is a query run at once. */
  maxBatchMessages: number;
  countMessage: Metrics['countMcpMessage'];
}

/** Serves one MCP request for a user already authenticated, whoever authenticated them. */
export type McpEndpoint = (request: Request, userId: string, via: McpCaller) => Promise<Response>;

export function createMcpEndpoint(options: McpEndpointOptions): McpEndpoint {
  const handler = createMcpHandler(
    ({ authInfo }) => {
      const userId = authInfo?.extra?.userId;
      if (typeof userId !== 'string')
        throw new Error('MCP request reached the server unauthenticated');
      return buildMcpServer({ db: options.db, userId, logger: options.logger }, options.version);
    },
    { maxRequestBodySize: options.maxBodyBytes },
  );
  return async (request, userId, via) => {
    const authInfo: AuthInfo = {
      token: 'session',
      clientId: 'todo-chatbot',
      scopes: ['tasks'],
      extra: { userId },
    };
    const parsedBody = await readJsonBody(request, options.maxBodyBytes);
    for (const message of Array.isArray(parsedBody) ? parsedBody : [parsedBody]) {
      if (message && typeof message === 'object') options.countMessage(message.method, via);
    }
    if (Array.isArray(parsedBody) && parsedBody.length > options.maxBatchMessages) {
      return Response.json(batchTooLarge(parsedBody.length, options.maxBatchMessages), {
        status: 400,
      });
    }
    return handler.fetch(request, { authInfo, ...(parsedBody !== undefined && { parsedBody }) });
  };
}

/** /mcp over HTTP: the guard authenticates the caller, the endpoint serves them. */
export function createMcpRouter(endpoint: McpEndpoint, guard: Guard) {
  // Any method is checked for cross-site writes; only the three the transport has need a caller.
  return new Hono<AppEnv>()
    .use('/mcp', guard.sameSiteWrites)
    .on(['GET', 'POST', 'DELETE'], ['/mcp'], ...guard.caller, (c: Context<AppEnv>) =>
      endpoint(c.req.raw, c.get('user').id, 'http'),
    );
}

export type McpRouter = ReturnType<typeof createMcpRouter>;

/**
 * The JSON body of a POST, read from a copy so that anything this cannot read (too large, not
 * JSON) still reaches the SDK untouched and gets its own error. The SDK takes the parsed body
 * as it is, so the body is read once.
 */
async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  if (request.method !== 'POST' || !isJsonContentType(request.headers.get('content-type'))) {
    return undefined;
  }
  try {
    const body = await readRequestBody(request.clone(), maxBytes);
    return body.tooLarge || body.text.length === 0 ? undefined : JSON.parse(body.text);
  } catch {
    return undefined;
  }
}

/** The SDK's own answer to a batch over its ceiling of 100, with ours. */
function batchTooLarge(size: number, max: number) {
  return {
    jsonrpc: '2.0',
    id: null,
    error: {
      code: -32600,
      message: `Invalid Request: a JSON-RPC batch may hold at most ${max} messages; this one has ${size}. Send them in smaller batches or one at a time.`,
    },
  };
}
