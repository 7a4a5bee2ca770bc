// delete_task: remove a task for good.
import type { McpServer } from '@modelcontextprotocol/server';
import type { ToolOutput } from '@todo-chatbot/contract';
import { deleteTask } from '../../tasks/queries.ts';
import { runTool, success, type ToolContext, toolConfig } from '../context.ts';

export function registerDeleteTask(server: McpServer, context: ToolContext) {
  server.registerTool('delete_task', toolConfig('delete_task'), (args) =>
    runTool(context, 'delete_task', args, async ({ task_id }) => {
      const task = await deleteTask(context.db, context.userId, task_id);
      return success({
        task_id: task.id,
        status: 'deleted',
        title: task.title,
      } satisfies ToolOutput<'delete_task'>);
    }),
  );
}
