import { describe, expect, it } from 'vitest';
import { placeholderTask, recreationOf, toNewTask } from '../../lib/quick-add';

describe('quick add', () => {
  it('sends what the engine read, counting repeats in the user’s zone unless it named one', () => {
    expect(
      toNewTask(
        {
          title: ' Buy milk ',
          priority: 'high',
          tags: ['home'],
          due_at: '2026-11-22T18:00:00+05:00',
        },
        'Asia/Karachi',
      ),
    ).toEqual({
      title: 'Buy milk',
      priority: 'high',
      tags: ['home'],
      due_at: '2026-11-22T18:00:00+05:00',
    });
    expect(
      toNewTask({ title: 'Vitamins', recurrence: { frequency: 'daily' } }, 'Asia/Karachi'),
    ).toEqual({
      title: 'Vitamins',
      recurrence: { frequency: 'daily', timezone: 'Asia/Karachi' },
    });
    expect(
      toNewTask(
        { title: 'Gym', recurrence: { frequency: 'daily', timezone: 'UTC' } },
        'Asia/Karachi',
      ).recurrence,
    ).toEqual({ frequency: 'daily', timezone: 'UTC' });
  });

  it('shows a placeholder row and can recreate a deleted task', () => {
    const draft = toNewTask({ title: 'Milk', tags: ['home'] }, 'UTC');
    const row = placeholderTask(draft, -1, new Date('2026-11-21T00:00:00Z'));
    expect(row).toMatchObject({ id: -1, title: 'Milk', tags: ['home'], completed: false });
    expect(recreationOf({ ...row, id: 9, description: 'two litres' })).toEqual({
      title: 'Milk',
      description: 'two litres',
      priority: 'none',
      tags: ['home'],
      due_at: null,
      remind_at: null,
      recurrence: null,
    });
  });
});
