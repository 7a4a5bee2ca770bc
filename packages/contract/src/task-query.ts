// The filters, search, sort and page of a task list (query parameters, all optional).
import { prioritySchema } from './priority.ts';
import { tagSchema } from './tags.ts';
import { text } from './text.ts';
import { timeZoneSchema } from './time-zone.ts';
import { DUE_FILTERS, SORT_ORDERS, TASK_SORTS, TASK_STATUSES } from './vocabulary.ts';
import { z } from './zod.ts';

/** A query parameter arrives as text; a client may send a number. */
function wholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce
    .number<number | string>({ message })
    .int(message)
    .min(min, message)
    .max(max, message);
}

export const taskQuerySchema = z.strictObject({
  status: z.enum(TASK_STATUSES).default('all'),
  q: text().trim().max(200).optional().openapi({ description: 'words in title or description' }),
  priority: prioritySchema.optional(),
  tag: tagSchema.optional(),
  due: z
    .enum(DUE_FILTERS)
    .optional()
    .openapi({ description: 'overdue; due today; due in the next 7 days; no due date' }),
  tz: timeZoneSchema
    .default('UTC')
    .openapi({ description: 'time zone that decides what "today" means' }),
  sort: z.enum(TASK_SORTS).default('created'),
  order: z.enum(SORT_ORDERS).optional(),
  limit: wholeNumber(1, 200).default(50),
  offset: wholeNumber(0, 1_000_000).default(0),
});
export type TaskQuery = z.input<typeof taskQuerySchema>;
