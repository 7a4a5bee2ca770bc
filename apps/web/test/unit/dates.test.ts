import { describe, expect, it } from 'vitest';
import {
  dayKey,
  dueState,
  formatDue,
  fromDateTimeInputs,
  toDateTimeInputs,
  zonedToInstant,
} from '../../lib/dates';

const KARACHI = 'Asia/Karachi';
const NEW_YORK = 'America/New_York';

describe('zone arithmetic', () => {
  it('turns a wall time in a zone into the right instant', () => {
    expect(
      zonedToInstant(
        { year: 2026, month: 11, day: 22, hour: 18, minute: 0 },
        KARACHI,
      ).toISOString(),
    ).toBe('2026-11-22T13:00:00.000Z');
  });

  it('follows daylight saving time on both sides of a change', () => {
    const wall = (month: number, day: number) => ({ year: 2026, month, day, hour: 9, minute: 0 });
    expect(zonedToInstant(wall(3, 7), NEW_YORK).toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(zonedToInstant(wall(3, 9), NEW_YORK).toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });

  it('moves a time that does not exist (the spring-forward gap) forwards', () => {
    const gap = zonedToInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, NEW_YORK);
    expect(toDateTimeInputs(gap.toISOString(), NEW_YORK)).toEqual({
      date: '2026-03-08',
      time: '03:30',
    });
  });

  it('round-trips date and time inputs', () => {
    const iso = fromDateTimeInputs('2026-12-31', '23:45', KARACHI);
    expect(iso).toBe('2026-12-31T18:45:00.000Z');
    expect(toDateTimeInputs(iso, KARACHI)).toEqual({ date: '2026-12-31', time: '23:45' });
  });

  it('reads a date without a time as 9:00, and nothing as no date', () => {
    expect(fromDateTimeInputs('2026-11-22', '', KARACHI)).toBe('2026-11-22T04:00:00.000Z');
    expect(fromDateTimeInputs('', '10:00', KARACHI)).toBeNull();
    expect(toDateTimeInputs(null, KARACHI)).toEqual({ date: '', time: '' });
  });

  it('names the calendar day in the zone, not in UTC', () => {
    expect(dayKey(new Date('2026-11-21T20:00:00Z'), KARACHI)).toBe('2026-11-22');
    expect(dayKey(new Date('2026-11-21T20:00:00Z'), 'UTC')).toBe('2026-11-21');
  });
});

describe('dueState', () => {
  const now = new Date('2026-11-21T10:00:00Z'); // 15:00 in Karachi
  const task = (due_at: string | null, completed = false) => ({ due_at, completed });

  it('marks past pending tasks overdue, but never completed ones', () => {
    expect(dueState(task('2026-11-21T09:00:00Z'), now, KARACHI)).toBe('overdue');
    expect(dueState(task('2026-11-21T09:00:00Z', true), now, KARACHI)).toBe('today');
    expect(dueState(task('2026-11-19T09:00:00Z', true), now, KARACHI)).toBe('upcoming');
  });

  it('knows today by the user’s calendar', () => {
    // 00:30 on the 22nd in Karachi, still the 21st in UTC.
    expect(dueState(task('2026-11-21T19:30:00Z'), now, KARACHI)).toBe('upcoming');
    expect(dueState(task('2026-11-21T19:30:00Z'), now, 'UTC')).toBe('today');
    expect(dueState(task(null), now, KARACHI)).toBe('none');
  });
});

describe('formatDue', () => {
  const now = new Date('2026-11-21T10:00:00Z');
  const format = (iso: string, zone = KARACHI) => formatDue(iso, now, zone, 'en-US');

  it('says today, tomorrow and yesterday in words', () => {
    expect(format('2026-11-21T13:00:00Z')).toBe('Today, 6:00 PM');
    expect(format('2026-11-22T04:00:00Z')).toBe('Tomorrow, 9:00 AM');
    expect(format('2026-11-20T04:00:00Z')).toBe('Yesterday, 9:00 AM');
  });

  it('names other days, with the year only when it differs', () => {
    expect(format('2026-11-30T04:00:00Z')).toBe('Mon, Nov 30, 9:00 AM');
    expect(format('2027-01-04T04:00:00Z')).toBe('Mon, Jan 4, 2027, 9:00 AM');
  });
});
