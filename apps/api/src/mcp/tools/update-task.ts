// update_task: change a task's fields, or reopen it.
import type { McpServer } from '@modelcontextprotocol/server';
import { type ToolOutput, taskPatchSchema } from '@todo-chatbot/contract';
import { updateTask } from '../../tasks/queries.ts';
import { runTool, success, type ToolContext, toolConfig } from '../context.ts';

export function registerUpdateTask(server: McpServer, context: ToolContext) {
  server.registerTool('update_task', toolConfig('update_task'), (args) =>
    runTool(context, 'update_task', args, async ({ task_id, ...fields }) => {
      const patch = taskPatchSchema.parse(fields);
      const { task } = await updateTask(context.db, context.userId, task_id, patch);
      return success({
        task_id: task.id,
        status: 'updated',
        title: task.title,
      } satisfies ToolOutput<'update_task'>);
    }),
  );
}
