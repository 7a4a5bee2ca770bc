// Recurrence rules as stored, and the date of a recurring task's next occurrence.
import { TZDate } from '@date-fns/tz';
import { type Recurrence as RecurrenceInput, WEEKDAYS, type Weekday } from '@todo-chatbot/contract';
import { addDays, addMonths, differenceInCalendarDays } from 'date-fns';

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
  const chosen = rule.weekdays ?? [WEEKDAYS[new TZDate(anchor, zone).getDay()] as Weekday];
  const sorted = WEEKDAYS.filter((day) => chosen.includes(day));
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
        !(after(candidate) && rule.weekdays.includes(WEEKDAYS[candidate.getDay()] as Weekday))
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
