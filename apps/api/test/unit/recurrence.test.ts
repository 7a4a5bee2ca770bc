import { describe, expect, it } from 'vitest';
import {
  nextOccurrence,
  normalizeRecurrence,
  type Recurrence,
} from '../../src/tasks/recurrence.ts';

const at = (iso: string) => new Date(iso);
const next = (rule: Recurrence, from: string, now: string) =>
  nextOccurrence(rule, at(from), at(now)).toISOString();

describe('next occurrence', () => {
  it('daily: the next day at the same time', () => {
    expect(next({ frequency: 'daily' }, '2026-11-21T09:00:00Z', '2026-11-21T08:00:00Z')).toBe(
      '2026-11-22T09:00:00.000Z',
    );
  });

  it('daily and overdue: the first date after now, keeping the time of day', () => {
    expect(next({ frequency: 'daily' }, '2026-01-01T09:00:00Z', '2026-11-21T12:00:00Z')).toBe(
      '2026-11-22T09:00:00.000Z',
    );
    expect(next({ frequency: 'daily' }, '2026-01-01T09:00:00Z', '2026-11-21T08:00:00Z')).toBe(
      '2026-11-21T09:00:00.000Z',
    );
  });

  it('every N days counts from the due date', () => {
    const rule: Recurrence = { frequency: 'every_n_days', interval: 3 };
    expect(next(rule, '2026-11-20T09:00:00Z', '2026-11-20T10:00:00Z')).toBe(
      '2026-11-23T09:00:00.000Z',
    );
    // 10 days overdue: 20 → 23 → 26 → 29 (first after now on the 30th is Dec 2)
    expect(next(rule, '2026-11-20T09:00:00Z', '2026-11-30T10:00:00Z')).toBe(
      '2026-12-02T09:00:00.000Z',
    );
  });

  it('weekly on several weekdays picks the next listed day', () => {
    const rule: Recurrence = { frequency: 'weekly', weekdays: ['mon', 'thu'] };
    // 2026-11-23 is a Monday
    expect(next(rule, '2026-11-23T18:00:00Z', '2026-11-23T19:00:00Z')).toBe(
      '2026-11-26T18:00:00.000Z',
    );
    expect(next(rule, '2026-11-26T18:00:00Z', '2026-11-26T19:00:00Z')).toBe(
      '2026-11-30T18:00:00.000Z',
    );
  });

  it('weekly and overdue by months lands on a listed weekday after now', () => {
    const rule: Recurrence = { frequency: 'weekly', weekdays: ['fri'] };
    const result = nextOccurrence(rule, at('2026-01-02T07:00:00Z'), at('2026-11-21T12:00:00Z'));
    expect(result.toISOString()).toBe('2026-11-27T07:00:00.000Z');
    expect(result.getUTCDay()).toBe(5);
  });

  it('weekly counts weekdays in the rule time zone', () => {
    // Monday 02:00 in Karachi is Sunday 21:00 UTC.
    const rule: Recurrence = { frequency: 'weekly', weekdays: ['mon'], timezone: 'Asia/Karachi' };
    expect(next(rule, '2026-11-22T21:00:00Z', '2026-11-22T22:00:00Z')).toBe(
      '2026-11-29T21:00:00.000Z',
    );
  });

  it('monthly keeps the day of month and clamps to short months without drifting', () => {
    const rule: Recurrence = { frequency: 'monthly' };
    expect(next(rule, '2026-01-31T10:00:00Z', '2026-01-31T11:00:00Z')).toBe(
      '2026-02-28T10:00:00.000Z',
    );
    expect(next(rule, '2026-01-31T10:00:00Z', '2026-03-01T00:00:00Z')).toBe(
      '2026-03-31T10:00:00.000Z',
    );
    expect(next(rule, '2028-01-31T10:00:00Z', '2028-01-31T11:00:00Z')).toBe(
      '2028-02-29T10:00:00.000Z',
    );
  });

  it('keeps the wall-clock time across a daylight-saving change', () => {
    const rule: Recurrence = { frequency: 'daily', timezone: 'Europe/London' };
    // 09:00 BST on Sat 24 Oct 2026 is 08:00Z; clocks go back on the 25th, so 09:00 GMT is 09:00Z.
    expect(next(rule, '2026-10-24T08:00:00Z', '2026-10-24T09:00:00Z')).toBe(
      '2026-10-25T09:00:00.000Z',
    );
  });
});

describe('normalizing rules', () => {
  it('gives a weekly rule without weekdays the weekday of its anchor', () => {
    expect(normalizeRecurrence({ frequency: 'weekly' }, at('2026-11-25T12:00:00Z'))).toEqual({
      frequency: 'weekly',
      weekdays: ['wed'],
    });
  });

  it('sorts and de-duplicates weekdays', () => {
    expect(
      normalizeRecurrence({ frequency: 'weekly', weekdays: ['sat', 'mon', 'sat'] }, new Date()),
    ).toEqual({
      frequency: 'weekly',
      weekdays: ['mon', 'sat'],
    });
  });
});
