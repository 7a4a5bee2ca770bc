// How a task repeats: the rule a client sends and the API serves.
import { timeZoneSchema } from './time-zone.ts';
import { WEEKDAYS } from './vocabulary.ts';
import { z } from './zod.ts';

const timeZone = timeZoneSchema.describe(
  'IANA time zone in which weekdays and calendar days are counted (default UTC)',
);

const base = { timezone: timeZone.optional() };

export const recurrenceSchema = z
  .discriminatedUnion('frequency', [
    z.strictObject({ frequency: z.literal('daily'), ...base }),
    z.strictObject({
      frequency: z.literal('weekly'),
      weekdays: z
        .array(z.enum(WEEKDAYS))
        .min(1)
        .max(7)
        .optional()
        .describe('days of the week it repeats on; defaults to the weekday of the due date'),
      ...base,
    }),
    z.strictObject({ frequency: z.literal('monthly'), ...base }),
    z.strictObject({
      frequency: z.literal('every_n_days'),
      interval: z.number().int().min(1).max(365).describe('number of days between occurrences'),
      ...base,
    }),
  ])
  .describe('how the task repeats; completing it creates the next occurrence');

/** A rule as sent and served; the API stores weekly rules with their weekdays filled in. */
export type Recurrence = z.infer<typeof recurrenceSchema>;
