// Recurrence rules as the editor shows them, and as one short phrase on a task row.
import { WEEKDAYS } from '@todo-chatbot/contract/vocabulary';
import type { Recurrence, Weekday } from './types';

export type RepeatKind = 'none' | Recurrence['frequency'];

export interface RepeatForm {
  kind: RepeatKind;
  weekdays: Weekday[];
  interval: number;
}

const dayNames: Record<Weekday, string> = {
  sun: 'Sun',
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
};

export function weekdayName(day: Weekday): string {
  return dayNames[day];
}

export function describeRecurrence(rule: Recurrence): string {
  switch (rule.frequency) {
    case 'daily':
      return 'Every day';
    case 'monthly':
      return 'Every month';
    case 'every_n_days':
      return rule.interval === 1 ? 'Every day' : `Every ${rule.interval} days`;
    case 'weekly': {
      const days = sortDays(rule.weekdays ?? []);
      if (days.length === 0) return 'Every week';
      if (days.length === 7) return 'Every day of the week';
      return `Every ${days.map(weekdayName).join(', ')}`;
    }
  }
}

function sortDays(days: readonly Weekday[]): Weekday[] {
  return WEEKDAYS.filter((day) => days.includes(day));
}

export function toRepeatForm(rule: Recurrence | null): RepeatForm {
  if (!rule) return { kind: 'none', weekdays: [], interval: 2 };
  return {
    kind: rule.frequency,
    weekdays: rule.frequency === 'weekly' ? sortDays(rule.weekdays ?? []) : [],
    interval: rule.frequency === 'every_n_days' ? rule.interval : 2,
  };
}

/** The rule to send, counted in the user's zone; a weekly rule without days repeats on the due day. */
export function fromRepeatForm(form: RepeatForm, timezone: string): Recurrence | null {
  switch (form.kind) {
    case 'none':
      return null;
    case 'weekly':
      return form.weekdays.length > 0
        ? { frequency: 'weekly', weekdays: sortDays(form.weekdays), timezone }
        : { frequency: 'weekly', timezone };
    case 'every_n_days':
      return {
        frequency: 'every_n_days',
        interval: Math.min(365, Math.max(1, Math.round(form.interval) || 1)),
        timezone,
      };
    default:
      return { frequency: form.kind, timezone };
  }
}
