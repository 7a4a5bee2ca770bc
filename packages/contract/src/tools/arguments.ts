// Argument schemas several tools share, described for a model that reads only these texts.
import { FREQUENCIES, WEEKDAYS } from '../vocabulary.ts';
import { z } from '../zod.ts';

/**
 * Zod says "expected string, received undefined" for a missing argument; a person (or a model)
 * reads "is required". Other type errors keep zod's own text, which names what was expected.
 */
const required = {
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : undefined),
};

export const requiredText = () => z.string(required);

export const userIdArgument = z
  .string()
  .optional()
  .describe(
    'Optional, accepted for compatibility with the public contract. The signed-in user is always the one acted for; a different id is refused.',
  );

export const taskIdArgument = z
  .number(required)
  .int('must be a whole number')
  .positive('must be a task id from list_tasks (1 or more)')
  .describe('The id of the task, as shown by list_tasks (e.g. 3)');

export const tagsArgument = z
  .array(z.string())
  .describe('Labels without "#", e.g. ["home", "errands"]; letters, digits, - and _ only');

export const dueArgument = z
  .string()
  .describe(
    'When the task is due, as an ISO 8601 date-time with a UTC offset, e.g. "2026-11-22T18:00:00+05:00" or "2026-11-22T13:00:00Z"',
  );

export const recurrenceArgument = z
  .object({
    frequency: z
      .enum(FREQUENCIES, required)
      .describe('How often it repeats; completing it creates the next occurrence'),
    weekdays: z
      .array(z.enum(WEEKDAYS))
      .optional()
      .describe('For weekly: the days it repeats on, e.g. ["mon", "thu"]'),
    interval: z.number().int().optional().describe('For every_n_days: the number of days, e.g. 3'),
    timezone: z
      .string()
      .optional()
      .describe('IANA time zone for counting days, e.g. "Asia/Karachi"'),
  })
  .describe('Makes the task repeat, e.g. {"frequency": "weekly", "weekdays": ["mon"]}');

/** An older name of `current`, still accepted; the schema marks it deprecated. */
export function aliasOf<T extends z.ZodType>(current: string, schema: T): T {
  return schema.meta({
    description: `Older name of ${current}, still accepted; send ${current} instead`,
    deprecated: true,
  });
}
