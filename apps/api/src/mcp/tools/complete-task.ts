// complete_task: mark a task done (creating the next occurrence of a recurring one).
import type { McpServer } from '@modelcontextprotocol/server';
import type { ToolOutput } from '@todo-chatbot/contract';
import { setCompletion } from '../../tasks/queries.ts';
import { runTool, success, type ToolContext, toolConfig } from '../context.ts';

export function registerCompleteTask(server: McpServer, context: ToolContext) {
  server.registerTool('complete_task', toolConfig('complete_task'), (args) =>
    runTool(context, 'complete_task', args, async ({ task_id }) => {
      const { task, next } = await setCompletion(context.db, context.userId, task_id, true);
      return success({
        task_id: task.id,
        status: 'completed',
        title: task.title,
        ...(next ? { next_task_id: next.id, next_due_at: next.dueAt?.toISOString() ?? null } : {}),
      } satisfies ToolOutput<'complete_task'>);
    }),
  );
}
