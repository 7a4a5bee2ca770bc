import { describe, expect, it } from 'vitest';
import { describeRecurrence, fromRepeatForm, toRepeatForm } from '../../lib/recurrence';
import type { Recurrence } from '../../lib/types';

describe('describeRecurrence', () => {
  it('says each rule in a few words', () => {
    expect(describeRecurrence({ frequency: 'daily' })).toBe('Every day');
    expect(describeRecurrence({ frequency: 'monthly' })).toBe('Every month');
    expect(describeRecurrence({ frequency: 'every_n_days', interval: 3 })).toBe('Every 3 days');
    expect(describeRecurrence({ frequency: 'weekly', weekdays: ['thu', 'mon'] })).toBe(
      'Every Mon, Thu',
    );
    expect(describeRecurrence({ frequency: 'weekly' })).toBe('Every week');
  });
});

describe('repeat form', () => {
  it('round-trips a rule, counted in the user’s zone', () => {
    const rule: Recurrence = {
      frequency: 'weekly',
      weekdays: ['mon', 'fri'],
      timezone: 'Asia/Karachi',
    };
    expect(fromRepeatForm(toRepeatForm(rule), 'Asia/Karachi')).toEqual(rule);
  });

  it('clears the rule for "does not repeat" and keeps intervals in range', () => {
    expect(fromRepeatForm({ kind: 'none', weekdays: [], interval: 2 }, 'UTC')).toBeNull();
    expect(fromRepeatForm({ kind: 'every_n_days', weekdays: [], interval: 999 }, 'UTC')).toEqual({
      frequency: 'every_n_days',
      interval: 365,
      timezone: 'UTC',
    });
  });

  it('lets a weekly rule without days fall back to the due date’s weekday', () => {
    expect(fromRepeatForm({ kind: 'weekly', weekdays: [], interval: 2 }, 'UTC')).toEqual({
      frequency: 'weekly',
      timezone: 'UTC',
    });
  });
});
