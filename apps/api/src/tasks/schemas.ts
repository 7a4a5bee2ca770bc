// The task resource as the public contract shows it: request and response schemas.
import { z } from '@hono/zod-openapi';
import { priorities, type Task } from '../db/schema.ts';
import { idParam } from '../http/params.ts';
import { SPACE_CHARACTERS, text } from '../http/text.ts';
import { recurrenceSchema } from './recurrence.ts';
import { timeZoneSchema } from './time-zone.ts';

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 4000;
export const TAG_MAX_LENGTH = 32;
export const TAGS_MAX = 20;

const title = text({ filled: true })
  .trim()
  .min(1, 'must not be empty')
  .max(TITLE_MAX, `must be at most ${TITLE_MAX} characters`)
  .openapi({ example: 'Buy milk' });

const description = text()
  .max(DESCRIPTION_MAX, `must be at most ${DESCRIPTION_MAX} characters`)
  .openapi({ example: 'Two litres, semi-skimmed' });

const priority = z.enum(priorities).openapi({ example: 'high' });

const TAG_CHARACTERS = '[\\p{L}\\p{N}_-]';

/** A tag as typed: surrounding spaces and leading `#` are dropped, letters lowercased. */
export const tagSchema = z
  .string()
  .trim()
  .transform((tag) => tag.replace(/^#+/, ''))
  .pipe(
    z
      .string()
      .min(1, 'a tag must not be empty')
      .max(TAG_MAX_LENGTH, `a tag must be at most ${TAG_MAX_LENGTH} characters`)
      .regex(/^[\p{L}\p{N}_-]+$/u, 'a tag may hold only letters, digits, - and _')
      // Checked before lowercasing: "İ" lowercases to "i" and a combining dot, not a letter.
      .transform((tag) => tag.toLowerCase()),
  )
  .openapi({
    type: 'string',
    pattern: `^[${SPACE_CHARACTERS}]*#*${TAG_CHARACTERS}{1,${TAG_MAX_LENGTH}}[${SPACE_CHARACTERS}]*$`,
    description: `letters, digits, - and _, at most ${TAG_MAX_LENGTH}; a leading # is dropped and letters are lowercased`,
    example: 'home',
  });

const tags = z
  .array(tagSchema)
  .max(TAGS_MAX, `at most ${TAGS_MAX} tags`)
  .transform((list) => [...new Set(list)])
  .openapi({ example: ['home', 'errands'] });

const INSTANT_MESSAGE =
  'must be an ISO 8601 date-time with a time zone, such as 2026-11-22T17:00:00Z';
/** The last instant with a four-digit year in UTC: later ones serialise as +010000-…, which
 * PostgreSQL refuses. */
const LATEST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/i;
/** The same rule for OpenAPI readers: years 1970 to 9999, seconds optional, offset required. */
const INSTANT_OPENAPI = {
  format: 'date-time',
  pattern:
    '^(19[7-9][0-9]|[2-9][0-9]{3})-[0-9]{2}-[0-9]{2}[Tt]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$',
  description: 'a date-time with a time zone offset, from 1970 to 9999-12-31T23:59:59Z',
  example: '2026-11-22T17:00:00Z',
} as const;

/** An instant with an explicit offset; calendar-invalid dates such as 2026-02-30 are refused. */
const instant = z
  .string()
  .refine(isExactInstant, { message: INSTANT_MESSAGE })
  .transform((value) => new Date(value))
  .openapi({ type: 'string', ...INSTANT_OPENAPI });

/** An instant, or null to clear it. */
const nullableInstant = instant
  .nullable()
  .openapi({ type: ['string', 'null'], ...INSTANT_OPENAPI });

function isExactInstant(value: string): boolean {
  const match = INSTANT_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const [offsetHours, offsetMinutes] = [Number(match[8] ?? 0), Number(match[9] ?? 0)];
  const probe = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day, hour, minute, second));
  const time = new Date(value).getTime();
  // Date.UTC rolls 2026-02-30 over to March; a round trip exposes such dates.
  return (
    year !== undefined &&
    year >= 1970 &&
    year <= 9999 &&
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === (month ?? 0) - 1 &&
    probe.getUTCDate() === day &&
    probe.getUTCHours() === hour &&
    probe.getUTCMinutes() === minute &&
    // Offsets run from -23:59 to +23:59; 9999-12-31T23:00-05:00 would be in the year 10000.
    offsetHours <= 23 &&
    offsetMinutes <= 59 &&
    time <= LATEST_INSTANT
  );
}

const editableFields = {
  description,
  priority,
  tags,
  due_at: nullableInstant,
  remind_at: nullableInstant,
  recurrence: recurrenceSchema.nullable(),
};

const optionalEditableFields = {
  description: true,
  priority: true,
  tags: true,
  due_at: true,
  remind_at: true,
  recurrence: true,
} as const;

export const createTaskSchema = z
  .strictObject({ title, ...editableFields })
  .partial(optionalEditableFields)
  .openapi('CreateTask');
export type CreateTaskInput = z.infer<typeof createTaskSchema>;

// Its own object, not CreateTask extended: OpenAPI would say allOf a closed CreateTask and an
// object with `completed`, which no body satisfies.
export const replaceTaskSchema = z
  .strictObject({ title, ...editableFields, completed: z.boolean() })
  .partial({ ...optionalEditableFields, completed: true })
  .openapi('ReplaceTask');
export type ReplaceTaskInput = z.infer<typeof replaceTaskSchema>;

export const patchTaskSchema = replaceTaskSchema
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, {
    message: 'name at least one field to change',
  })
  .openapi('PatchTask', { minProperties: 1 });
export type PatchTaskInput = z.infer<typeof patchTaskSchema>;

export const setCompletionSchema = z
  .strictObject({
    completed: z
      .boolean()
      .optional()
      .openapi({ description: 'the state to set; the current state is toggled when omitted' }),
  })
  .openapi('SetCompletion');

export const taskIdParam = idParam('task');

function wholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ message }).int(message).min(min, message).max(max, message);
}

export const listQuerySchema = z.strictObject({
  status: z.enum(['all', 'pending', 'completed']).default('all'),
  q: text().trim().max(200).optional().openapi({ description: 'words in title or description' }),
  priority: priority.optional(),
  tag: tagSchema.optional(),
  due: z
    .enum(['overdue', 'today', 'week', 'none'])
    .optional()
    .openapi({ description: 'overdue; due today; due in the next 7 days; no due date' }),
  tz: timeZoneSchema
    .default('UTC')
    .openapi({ description: 'time zone that decides what "today" means' }),
  sort: z.enum(['created', 'due', 'priority', 'title']).default('created'),
  order: z.enum(['asc', 'desc']).optional(),
  limit: wholeNumber(1, 200).default(50),
  offset: wholeNumber(0, 1_000_000).default(0),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const taskSchema = z
  .object({
    id: z.number().int(),
    user_id: z.string(),
    title: z.string(),
    description: z.string(),
    completed: z.boolean(),
    completed_at: z.string().nullable(),
    priority,
    tags: z.array(z.string()),
    due_at: z.string().nullable(),
    remind_at: z.string().nullable(),
    recurrence: recurrenceSchema.nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Task');
export type TaskJson = z.infer<typeof taskSchema>;

export const taskListSchema = z
  .object({
    tasks: z.array(taskSchema),
    total: z.number().int().openapi({ description: 'tasks matching the filters, ignoring paging' }),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi('TaskList');

export const completionResultSchema = z
  .object({
    task: taskSchema,
    next_task: z
      .union([taskSchema, z.null()])
      .openapi({ description: 'the next occurrence, created when a recurring task is completed' }),
  })
  .openapi('CompletionResult');

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

export const parsedTaskSchema = z
  .object({
    title: z.string(),
    description: z.string().optional(),
    priority: priority.optional(),
    tags: z.array(z.string()).optional(),
    due_at: z.string().optional(),
    recurrence: recurrenceSchema.optional(),
  })
  .openapi('ParsedTask');
