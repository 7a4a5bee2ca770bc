// A task as the API serves it, alone, in a page of a list, and after completing it.
import { prioritySchema } from './priority.ts';
import { recurrenceSchema } from './recurrence.ts';
import { z } from './zod.ts';

export const taskSchema = z
  .object({
    id: z.number().int(),
    user_id: z.string(),
    title: z.string(),
    description: z.string(),
    completed: z.boolean(),
    completed_at: z.string().nullable(),
    priority: prioritySchema,
    tags: z.array(z.string()),
    due_at: z.string().nullable(),
    remind_at: z.string().nullable(),
    recurrence: recurrenceSchema.nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Task');
export type Task = z.infer<typeof taskSchema>;

export const taskListSchema = z
  .object({
    tasks: z.array(taskSchema),
    total: z.number().int().openapi({ description: 'tasks matching the filters, ignoring paging' }),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi('TaskList');
export type TaskList = z.infer<typeof taskListSchema>;

export const completionSchema = z
  .object({
    task: taskSchema,
    next_task: z
      .union([taskSchema, z.null()])
      .openapi({ description: 'the next occurrence, created when a recurring task is completed' }),
  })
  .openapi('CompletionResult');
export type Completion = z.infer<typeof completionSchema>;
