// What a client sends to create, replace, change or complete a task.
import { nullableInstant } from './date-time.ts';
import { prioritySchema } from './priority.ts';
import { recurrenceSchema } from './recurrence.ts';
import { tagsSchema } from './tags.ts';
import { text } from './text.ts';
import { DESCRIPTION_MAX, TITLE_MAX } from './vocabulary.ts';
import { z } from './zod.ts';

const title = text({ filled: true })
  .trim()
  .min(1, 'must not be empty')
  .max(TITLE_MAX, `must be at most ${TITLE_MAX} characters`)
  .openapi({ example: 'Buy milk' });

const description = text()
  .max(DESCRIPTION_MAX, `must be at most ${DESCRIPTION_MAX} characters`)
  .openapi({ example: 'Two litres, semi-skimmed' });

const editableFields = {
  description,
  priority: prioritySchema,
  tags: tagsSchema,
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

export const newTaskSchema = z
  .strictObject({ title, ...editableFields })
  .partial(optionalEditableFields)
  .openapi('CreateTask');
/** The JSON a client sends; `null` clears a date or the recurrence. */
export type NewTask = z.input<typeof newTaskSchema>;

// Its own object, not CreateTask extended: OpenAPI would say allOf a closed CreateTask and an
// object with `completed`, which no body satisfies.
export const taskReplacementSchema = z
  .strictObject({ title, ...editableFields, completed: z.boolean() })
  .partial({ ...optionalEditableFields, completed: true })
  .openapi('ReplaceTask');
export type TaskReplacement = z.input<typeof taskReplacementSchema>;

export const taskPatchSchema = taskReplacementSchema
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, {
    message: 'name at least one field to change',
  })
  .openapi('PatchTask', { minProperties: 1 });
export type TaskPatch = z.input<typeof taskPatchSchema>;

export const setCompletionSchema = z
  .strictObject({
    completed: z
      .boolean()
      .optional()
      .openapi({ description: 'the state to set; the current state is toggled when omitted' }),
  })
  .openapi('SetCompletion');
