// update_task: change a task's fields, or reopen it.
import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { priorities } from '../../db/schema.ts';
import { updateTask } from '../../tasks/queries.ts';
import { patchTaskSchema } from '../../tasks/schemas.ts';
import { runTool, success, type ToolContext, taskIdArgument, userIdArgument } from '../context.ts';
import { dueArgument, recurrenceArgument, tagsArgument } from './arguments.ts';

export function registerUpdateTask(server: McpServer, context: ToolContext) {
  server.registerTool(
    'update_task',
    {
      title: 'Update a task',
      description:
        'Change some fields of a task: rename it, move its due date, change priority, tags or recurrence, or reopen it with completed false. Only the given fields change; null clears due or recurrence.',
      inputSchema: z.object({
        user_id: userIdArgument,
        task_id: taskIdArgument,
        title: z.string().optional().describe('New title (1-200 characters)'),
        description: z.string().optional().describe('New notes (up to 4000 characters)'),
        priority: z.enum(priorities).optional().describe('New priority'),
        tags: tagsArgument
          .optional()
          .describe('The complete new list of tags (replaces the old one)'),
        due: dueArgument
          .nullable()
          .optional()
          .describe(
            'New due date-time (ISO 8601 with offset, e.g. "2026-11-22T18:00:00Z"); null removes it',
          ),
        recurrence: recurrenceArgument
          .nullable()
          .optional()
          .describe('New repeat rule, e.g. {"frequency": "daily"}; null stops it repeating'),
        completed: z.boolean().optional().describe('true marks it done, false reopens it'),
      }),
    },
    ({ user_id, task_id, due, ...fields }) =>
      runTool(context, user_id, async () => {
        const patch = patchTaskSchema.parse({
          ...fields,
          ...(due !== undefined ? { due_at: due } : {}),
        });
        const { task } = await updateTask(context.db, context.userId, task_id, patch);
        return success({ task_id: task.id, status: 'updated', title: task.title });
      }),
  );
}
