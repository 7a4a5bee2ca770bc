// Argument schemas several tools share, described for a model that reads only these texts.
import { z } from 'zod';
import { weekdays } from '../../tasks/recurrence.ts';
import { required } from '../context.ts';

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
      .enum(['daily', 'weekly', 'monthly', 'every_n_days'], required)
      .describe('How often it repeats; completing it creates the next occurrence'),
    weekdays: z
      .array(z.enum(weekdays))
      .optional()
      .describe('For weekly: the days it repeats on, e.g. ["mon", "thu"]'),
    interval: z.number().int().optional().describe('For every_n_days: the number of days, e.g. 3'),
    timezone: z
      .string()
      .optional()
      .describe('IANA time zone for counting days, e.g. "Asia/Karachi"'),
  })
  .describe('Makes the task repeat, e.g. {"frequency": "weekly", "weekdays": ["mon"]}');
