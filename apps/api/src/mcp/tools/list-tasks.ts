// list_tasks: the signed-in user's tasks, filtered.
import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { priorities } from '../../db/schema.ts';
import { listTasks } from '../../tasks/queries.ts';
import { listQuerySchema, toTaskJson } from '../../tasks/schemas.ts';
import { runTool, success, type ToolContext, userIdArgument } from '../context.ts';

export function registerListTasks(server: McpServer, context: ToolContext) {
  server.registerTool(
    'list_tasks',
    {
      title: 'List tasks',
      description:
        'List the user\'s tasks (newest first), optionally filtered. Use it to answer "what is pending?" and to find the id of a task the user names.',
      inputSchema: z.object({
        user_id: userIdArgument,
        status: z
          .enum(['all', 'pending', 'completed'])
          .optional()
          .describe('Which tasks: all (default), pending (not done) or completed'),
        q: z.string().optional().describe('Words to search for in titles and descriptions'),
        priority: z.enum(priorities).optional().describe('Only tasks with this priority'),
        tag: z.string().optional().describe('Only tasks with this tag, e.g. "work"'),
        due: z
          .enum(['overdue', 'today', 'week', 'none'])
          .optional()
          .describe('overdue; due today; due in the next 7 days; or without a due date'),
        timezone: z
          .string()
          .optional()
          .describe(
            'IANA time zone that decides what "today" means, e.g. "Asia/Karachi"; default UTC',
          ),
        limit: z.number().int().optional().describe('At most this many tasks (1-200, default 50)'),
      }),
    },
    ({ user_id, timezone, ...filters }) =>
      runTool(context, user_id, async () => {
        const query = listQuerySchema.parse({ ...filters, tz: timezone });
        const page = await listTasks(context.db, context.userId, query);
        return success(page.tasks.map(toTaskJson));
      }),
  );
}
