// Recurrence rules and the date of a recurring task's next occurrence.
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, differenceInCalendarDays } from 'date-fns';
import { z } from 'zod';
import { timeZoneSchema } from './time-zone.ts';

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

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
        .array(z.enum(weekdays))
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

export type RecurrenceInput = z.infer<typeof recurrenceSchema>;
/** A stored rule: weekly rules always name their weekdays. */
export type Recurrence = Exclude<RecurrenceInput, { frequency: 'weekly' }> | WeeklyRecurrence;
interface WeeklyRecurrence {
  frequency: 'weekly';
  weekdays: Weekday[];
  timezone?: string | undefined;
}

/** Makes a rule explicit: a weekly rule without weekdays repeats on the anchor's weekday. */
export function normalizeRecurrence(rule: RecurrenceInput, anchor: Date): Recurrence {
  if (rule.frequency !== 'weekly') return rule;
  const zone = rule.timezone ?? 'UTC';
  const chosen = rule.weekdays ?? [weekdays[new TZDate(anchor, zone).getDay()] as Weekday];
  const sorted = weekdays.filter((day) => chosen.includes(day));
  return { ...rule, weekdays: sorted };
}

/**
 * The first occurrence after `from` that is also after `now`: an overdue recurring task
 * rolls over to its next future date, keeping its time of day in the rule's time zone.
 */
export function nextOccurrence(rule: Recurrence, from: Date, now: Date): Date {
  const zone = rule.timezone ?? 'UTC';
  const start = new TZDate(from, zone);
  const after = (date: Date) => date.getTime() > from.getTime() && date.getTime() > now.getTime();

  switch (rule.frequency) {
    case 'daily':
    case 'every_n_days': {
      const step = rule.frequency === 'daily' ? 1 : rule.interval;
      const behind = Math.max(0, differenceInCalendarDays(new TZDate(now, zone), start));
      let candidate = addDays(start, Math.max(step, Math.floor(behind / step) * step));
      while (!after(candidate)) candidate = addDays(candidate, step);
      return new Date(candidate.getTime());
    }
    case 'weekly': {
      const behindWeeks = Math.max(
        0,
        Math.floor(differenceInCalendarDays(new TZDate(now, zone), start) / 7) - 1,
      );
      let candidate = addDays(start, behindWeeks * 7 + 1);
      while (
        !(after(candidate) && rule.weekdays.includes(weekdays[candidate.getDay()] as Weekday))
      ) {
        candidate = addDays(candidate, 1);
      }
      return new Date(candidate.getTime());
    }
    case 'monthly': {
      // Counting months from the original date keeps "the 31st" from drifting to the 28th.
      for (let months = 1; ; months++) {
        const candidate = addMonths(start, months);
        if (after(candidate)) return new Date(candidate.getTime());
      }
    }
  }
}
