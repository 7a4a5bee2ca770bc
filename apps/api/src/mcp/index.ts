// The MCP server at /mcp: a fresh, stateless server per request, acting for the signed-in user.
import { type AuthInfo, createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import type { AppEnv } from '../http/router.ts';
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

export function createMcpRoute(options: {
  db: Db;
  logger: Logger;
  version: string;
  maxBodyBytes: number;
}) {
  const handler = createMcpHandler(
    ({ authInfo }) => {
      const userId = authInfo?.extra?.userId;
      if (typeof userId !== 'string')
        throw new Error('MCP request reached the server unauthenticated');
      return buildMcpServer({ db: options.db, userId, logger: options.logger }, options.version);
    },
    { maxRequestBodySize: options.maxBodyBytes },
  );
  // requireUser has already authenticated the request; the identity travels as authInfo.
  return (c: Context<AppEnv>) => {
    const authInfo: AuthInfo = {
      token: 'session',
      clientId: 'todo-chatbot',
      scopes: ['tasks'],
      extra: { userId: c.get('user').id },
    };
    return handler.fetch(c.req.raw, { authInfo });
  };
}
