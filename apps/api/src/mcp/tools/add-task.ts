// add_task: create a task for the signed-in user.
import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { priorities } from '../../db/schema.ts';
import { createTask } from '../../tasks/queries.ts';
import { createTaskSchema } from '../../tasks/schemas.ts';
import { required, runTool, success, type ToolContext, userIdArgument } from '../context.ts';
import { dueArgument, recurrenceArgument, tagsArgument } from './arguments.ts';

export function registerAddTask(server: McpServer, context: ToolContext) {
  server.registerTool(
    'add_task',
    {
      title: 'Add a task',
      description:
        'Create a new task. Put dates, tags and priority in their own arguments, not in the title.',
      inputSchema: z.object({
        user_id: userIdArgument,
        title: z
          .string(required)
          .describe('Short title without dates or tags, e.g. "Buy milk" (1-200 characters)'),
        description: z.string().optional().describe('Longer notes (up to 4000 characters)'),
        priority: z.enum(priorities).optional().describe('How important it is; default none'),
        tags: tagsArgument.optional(),
        due: dueArgument.optional(),
        recurrence: recurrenceArgument.optional(),
      }),
    },
    ({ user_id, due, ...fields }) =>
      runTool(context, user_id, async () => {
        const input = createTaskSchema.parse({ ...fields, due_at: due });
        const task = await createTask(context.db, context.userId, input);
        return success({ task_id: task.id, status: 'created', title: task.title });
      }),
  );
}
