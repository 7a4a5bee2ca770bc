// The task resource between the contract's JSON and the database: parsed inputs and served rows.
import type {
  newTaskSchema,
  Task as TaskJson,
  taskPatchSchema,
  taskQuerySchema,
  taskReplacementSchema,
} from '@todo-chatbot/contract';
import type { z } from 'zod';
import type { Task } from '../db/schema.ts';
import { idParam } from '../http/params.ts';

export type { TaskJson };
export type CreateTaskInput = z.output<typeof newTaskSchema>;
export type ReplaceTaskInput = z.output<typeof taskReplacementSchema>;
export type PatchTaskInput = z.output<typeof taskPatchSchema>;
export type ListQuery = z.output<typeof taskQuerySchema>;

export const taskIdParam = idParam('task');

export function toTaskJson(task: Task): TaskJson {
  return {
    id: task.id,
    user_id: task.userId,
    title: task.title,
    description: task.description,
    completed: task.completed,
    completed_at: task.completedAt?.toISOString() ?? null,
    priority: task.priority,
    tags: task.tags,
    due_at: task.dueAt?.toISOString() ?? null,
    remind_at: task.remindAt?.toISOString() ?? null,
    recurrence: task.recurrence ?? null,
    created_at: task.createdAt.toISOString(),
    updated_at: task.updatedAt.toISOString(),
  };
}
