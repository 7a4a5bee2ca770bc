import { describe, expect, it } from 'vitest';
import { reminderChoice, reminderInstant } from '../../lib/reminder-options';
import { dueReminders, nextReminderDelay, reminderKey } from '../../lib/reminders';
import type { Task } from '../../lib/types';

const now = new Date('2026-11-21T12:00:00Z');
const task = (id: number, fields: Partial<Task>): Task =>
  ({ id, completed: false, due_at: null, remind_at: null, title: `Task ${id}`, ...fields }) as Task;

describe('dueReminders', () => {
  const tasks = [
    task(1, { remind_at: '2026-11-21T11:58:00Z', due_at: '2026-11-21T13:00:00Z' }),
    task(2, { due_at: '2026-11-21T11:59:00Z' }),
    task(3, { due_at: '2026-11-21T11:00:00Z' }),
    task(4, { due_at: '2026-11-21T12:30:00Z' }),
    task(5, { due_at: '2026-11-21T11:59:00Z', completed: true }),
  ];

  it('rings tasks whose reminder, or due time without one, just passed', () => {
    expect(dueReminders(tasks, now, new Set()).map((item) => item.id)).toEqual([1, 2]);
  });

  it('rings each reminder once', () => {
    const heard = new Set([reminderKey(tasks[0] as Task)]);
    expect(dueReminders(tasks, now, heard).map((item) => item.id)).toEqual([2]);
  });

  it('rings again when the reminder is moved', () => {
    const moved = { ...(tasks[0] as Task), remind_at: '2026-11-21T11:59:30Z' };
    expect(reminderKey(moved)).not.toBe(reminderKey(tasks[0] as Task));
  });

  it('knows how long until the next one', () => {
    expect(nextReminderDelay(tasks, now, 60 * 60_000)).toBe(30 * 60_000);
    expect(nextReminderDelay(tasks, now, 60_000)).toBeUndefined();
  });
});

describe('reminder presets', () => {
  const due = '2026-11-22T13:00:00.000Z';

  it('recognises a preset and computes its time', () => {
    expect(reminderChoice('2026-11-22T12:50:00.000Z', due)).toBe('10m');
    expect(reminderInstant('10m', due, null)).toBe('2026-11-22T12:50:00.000Z');
    expect(reminderInstant('at_due', due, null)).toBe(due);
  });

  it('calls anything else custom, and nothing none', () => {
    expect(reminderChoice('2026-11-22T12:51:00.000Z', due)).toBe('custom');
    expect(reminderChoice('2026-11-22T12:50:00.000Z', null)).toBe('custom');
    expect(reminderChoice(null, due)).toBe('none');
    expect(reminderInstant('custom', due, '2026-11-20T00:00:00.000Z')).toBe(
      '2026-11-20T00:00:00.000Z',
    );
    expect(reminderInstant('none', due, null)).toBeNull();
  });
});
