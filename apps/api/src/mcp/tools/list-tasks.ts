// list_tasks: the signed-in user's tasks, filtered.
import type { McpServer } from '@modelcontextprotocol/server';
import { type ToolOutput, taskQuerySchema } from '@todo-chatbot/contract';
import { listTasks } from '../../tasks/queries.ts';
import { runTool, success, type ToolContext, toolConfig } from '../context.ts';

export function registerListTasks(server: McpServer, context: ToolContext) {
  server.registerTool('list_tasks', toolConfig('list_tasks'), (args) =>
    runTool(context, 'list_tasks', args, async (filters) => {
      const page = await listTasks(context.db, context.userId, taskQuerySchema.parse(filters));
      const output: ToolOutput<'list_tasks'> = { tasks: JSON.parse(page.tasksJson) };
      // The text is the tasks' array, as the database wrote it: no need to serialise it again.
      return success(output, page.tasksJson);
    }),
  );
}
