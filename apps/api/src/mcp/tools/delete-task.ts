// delete_task: remove a task for good.
import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { deleteTask } from '../../tasks/queries.ts';
import { runTool, success, type ToolContext, taskIdArgument, userIdArgument } from '../context.ts';

export function registerDeleteTask(server: McpServer, context: ToolContext) {
  server.registerTool(
    'delete_task',
    {
      title: 'Delete a task',
      description:
        'Delete a task permanently. When the user names a task by title, call list_tasks first to find its id.',
      inputSchema: z.object({ user_id: userIdArgument, task_id: taskIdArgument }),
      annotations: { destructiveHint: true },
    },
    ({ user_id, task_id }) =>
      runTool(context, user_id, async () => {
        const task = await deleteTask(context.db, context.userId, task_id);
        return success({ task_id: task.id, status: 'deleted', title: task.title });
      }),
  );
}
