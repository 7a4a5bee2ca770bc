// complete_task: mark a task done (creating the next occurrence of a recurring one).
import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { setCompletion } from '../../tasks/queries.ts';
import { runTool, success, type ToolContext, taskIdArgument, userIdArgument } from '../context.ts';

export function registerCompleteTask(server: McpServer, context: ToolContext) {
  server.registerTool(
    'complete_task',
    {
      title: 'Complete a task',
      description:
        'Mark a task as done. If it repeats, its next occurrence is created and returned as next_task_id. To reopen a task use update_task with completed false.',
      inputSchema: z.object({ user_id: userIdArgument, task_id: taskIdArgument }),
    },
    ({ user_id, task_id }) =>
      runTool(context, user_id, async () => {
        const { task, next } = await setCompletion(context.db, context.userId, task_id, true);
        return success({
          task_id: task.id,
          status: 'completed',
          title: task.title,
          ...(next
            ? { next_task_id: next.id, next_due_at: next.dueAt?.toISOString() ?? null }
            : {}),
        });
      }),
  );
}
