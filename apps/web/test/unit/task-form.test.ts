import { describe, expect, it } from 'vitest';
import { formFromTask, parseTags, patchFromForm, validateTaskForm } from '../../lib/task-form';
import type { Task } from '../../lib/types';

const zone = 'Asia/Karachi';
const task: Task = {
  id: 7,
  user_id: 'u',
  title: 'Buy milk',
  description: '',
  completed: false,
  completed_at: null,
  priority: 'high',
  tags: ['home'],
  due_at: '2026-11-22T13:00:00.000Z',
  remind_at: '2026-11-22T12:00:00.000Z',
  recurrence: null,
  created_at: '2026-11-21T10:00:00.000Z',
  updated_at: '2026-11-21T10:00:00.000Z',
};

describe('task editor form', () => {
  it('shows a task in the user’s zone, recognising the reminder preset', () => {
    const form = formFromTask(task, zone);
    expect(form).toMatchObject({
      dueDate: '2026-11-22',
      dueTime: '18:00',
      reminder: '1h',
      tags: '#home',
    });
  });

  it('saves nothing when nothing changed', () => {
    expect(patchFromForm(task, formFromTask(task, zone), zone)).toEqual({});
  });

  it('sends only what changed, and moves a preset reminder with the due time', () => {
    const form = { ...formFromTask(task, zone), dueTime: '19:30', title: ' Buy oat milk ' };
    expect(patchFromForm(task, form, zone)).toEqual({
      title: 'Buy oat milk',
      due_at: '2026-11-22T14:30:00.000Z',
      remind_at: '2026-11-22T13:30:00.000Z',
    });
  });

  it('clears the due date and reminder together', () => {
    const form = {
      ...formFromTask(task, zone),
      dueDate: '',
      dueTime: '',
      reminder: 'none' as const,
    };
    expect(patchFromForm(task, form, zone)).toEqual({ due_at: null, remind_at: null });
  });

  it('adds a recurrence counted in the user’s zone', () => {
    const form = {
      ...formFromTask(task, zone),
      repeat: { kind: 'daily' as const, weekdays: [], interval: 2 },
    };
    expect(patchFromForm(task, form, zone)).toEqual({
      recurrence: { frequency: 'daily', timezone: zone },
    });
  });

  it('names the problems before anything is sent', () => {
    const form = { ...formFromTask(task, zone), title: '  ', tags: '#ok bad!tag' };
    expect(validateTaskForm(form)).toEqual({
      title: 'Give the task a title.',
      tags: '“bad!tag” is not a valid tag: use letters, digits, - and _ (up to 32).',
    });
    const noDue = { ...formFromTask(task, zone), dueDate: '' };
    expect(validateTaskForm(noDue).reminder).toMatch(/Set a due date first/);
  });
});

describe('parseTags', () => {
  it('accepts spaces, commas and hashes, lower-cases and removes repeats', () => {
    expect(parseTags('#Home, errands  #home,,work')).toEqual(['home', 'errands', 'work']);
    expect(parseTags('  ')).toEqual([]);
    expect(parseTags('#کام')).toEqual(['کام']);
  });
});
