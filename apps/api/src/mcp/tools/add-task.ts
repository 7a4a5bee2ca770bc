// add_task: create a task for the signed-in user.
import type { McpServer } from '@modelcontextprotocol/server';
import { newTaskSchema, type ToolOutput } from '@todo-chatbot/contract';
import { createTask } from '../../tasks/queries.ts';
import { runTool, success, type ToolContext, toolConfig } from '../context.ts';

export function registerAddTask(server: McpServer, context: ToolContext) {
  server.registerTool('add_task', toolConfig('add_task'), (args) =>
    runTool(context, 'add_task', args, async (fields) => {
      const task = await createTask(context.db, context.userId, newTaskSchema.parse(fields));
      return success({
        task_id: task.id,
        status: 'created',
        title: task.title,
      } satisfies ToolOutput<'add_task'>);
    }),
  );
}
