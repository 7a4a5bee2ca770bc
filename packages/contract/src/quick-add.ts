// Reading a quick-add line the way the assistant does, without saving anything.
import { prioritySchema } from './priority.ts';
import { recurrenceSchema } from './recurrence.ts';
import { text } from './text.ts';
import { timeZoneSchema } from './time-zone.ts';
import { z } from './zod.ts';

export const parseTaskRequestSchema = z
  .strictObject({
    text: text({ filled: true })
      .trim()
      .min(1, 'must not be empty')
      .max(1000, 'must be at most 1000 characters'),
    time_zone: timeZoneSchema
      .default('UTC')
      .openapi({ description: 'for "tomorrow" and "at 6pm"' }),
  })
  .openapi('ParseTaskRequest');

/** One task the line describes; it can be sent to POST /tasks as it is. */
export const parsedTaskSchema = z
  .object({
    title: z.string(),
    description: z.string().optional(),
    priority: prioritySchema.optional(),
    tags: z.array(z.string()).optional(),
    due_at: z.string().optional(),
    recurrence: recurrenceSchema.optional(),
  })
  .openapi('ParsedTask');
export type ParsedTask = z.infer<typeof parsedTaskSchema>;
