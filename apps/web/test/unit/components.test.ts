// @vitest-environment jsdom
// Components with logic of their own, rendered in jsdom (plain createElement: this suite's files
// are .ts).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthForm } from '../../components/auth-form';
import { ChatMessage } from '../../components/chat-message';
import { QuickAdd } from '../../components/quick-add';
import { TaskItem } from '../../components/task-item';
import type { Task } from '../../lib/types';

afterEach(cleanup);

const task: Task = {
  id: 3,
  user_id: 'u',
  title: 'Pay the fine',
  description: '',
  completed: false,
  completed_at: null,
  priority: 'high',
  tags: ['admin'],
  due_at: '2026-11-20T04:00:00.000Z',
  remind_at: null,
  recurrence: { frequency: 'daily', timezone: 'Asia/Karachi' },
  created_at: '2026-11-19T00:00:00.000Z',
  updated_at: '2026-11-19T00:00:00.000Z',
};

describe('QuickAdd', () => {
  it('adds the line, empties it, and reports what was added', async () => {
    const onAdd = vi.fn(async () => [task]);
    const onAdded = vi.fn();
    render(h(QuickAdd, { onAdd, onAdded }));
    const input = screen.getByLabelText('Add a task');
    fireEvent.change(input, { target: { value: 'Pay the fine yesterday' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith([task]));
    expect(onAdd).toHaveBeenCalledWith('Pay the fine yesterday');
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('keeps the line and shows why when adding fails', async () => {
    const onAdd = vi.fn(async () => Promise.reject(new Error('No task found in that line.')));
    render(h(QuickAdd, { onAdd, onAdded: vi.fn() }));
    const input = screen.getByLabelText('Add a task');
    fireEvent.change(input, { target: { value: '???' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(await screen.findByText('No task found in that line.')).toBeTruthy();
    expect((input as HTMLInputElement).value).toBe('???');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('TaskItem', () => {
  const props = {
    task,
    now: new Date('2026-11-21T10:00:00Z'),
    timeZone: 'Asia/Karachi',
    onToggle: vi.fn(),
    onEdit: vi.fn(),
    onDelete: vi.fn(),
    onTag: vi.fn(),
  };
  const renderItem = (extra = {}) => render(h('ul', null, h(TaskItem, { ...props, ...extra })));

  it('shows priority, overdue due date, repeat and tags', () => {
    renderItem();
    const row = screen.getByTestId('task-item');
    expect(row.dataset.dueState).toBe('overdue');
    expect(screen.getByTestId('task-due').textContent).toMatch(/Overdue ·Yesterday, 9:00/);
    expect(screen.getByTestId('task-priority').textContent).toBe('High priority');
    expect(screen.getByTestId('task-recurrence').textContent).toBe('Every day');
    expect(screen.getByTestId('task-title').getAttribute('dir')).toBe('auto');
  });

  it('is driven by labelled controls and the Delete key', () => {
    const onToggle = vi.fn();
    const onDelete = vi.fn();
    const onTag = vi.fn();
    renderItem({ onToggle, onDelete, onTag });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Done: Pay the fine' }));
    expect(onToggle).toHaveBeenCalledWith(task);
    fireEvent.click(screen.getByRole('button', { name: 'Show tasks tagged admin' }));
    expect(onTag).toHaveBeenCalledWith('admin');
    fireEvent.keyDown(screen.getByTestId('task-title'), { key: 'Delete' });
    expect(onDelete).toHaveBeenCalledWith(task);
  });

  it('does not call a completed task overdue', () => {
    renderItem({ task: { ...task, completed: true } });
    expect(screen.getByTestId('task-item').dataset.dueState).toBe('upcoming');
  });
});

describe('ChatMessage', () => {
  it('lets the text pick its direction and shows what changed', () => {
    render(
      h(
        'ul',
        null,
        h(ChatMessage, {
          bubble: {
            key: 'a',
            role: 'assistant',
            content: '"دودھ خریدنا" شامل کر دیا گیا۔',
            toolCalls: [
              { name: 'list_tasks', arguments: {}, result: [] },
              { name: 'add_task', arguments: {}, result: { title: 'دودھ خریدنا' } },
            ],
          },
        }),
      ),
    );
    expect(screen.getByTestId('chat-text').getAttribute('dir')).toBe('auto');
    expect(screen.getAllByTestId('tool-chip').map((chip) => chip.textContent)).toEqual([
      'Added “دودھ خریدنا”',
    ]);
  });

  it('says it is thinking until the first words arrive', () => {
    render(
      h(
        'ul',
        null,
        h(ChatMessage, {
          bubble: { key: 'b', role: 'assistant', content: '', toolCalls: [], streaming: true },
        }),
      ),
    );
    expect(screen.getByTestId('chat-text').textContent).toBe('Thinking…');
    expect(screen.getByTestId('chat-text').getAttribute('aria-busy')).toBe('true');
  });
});

describe('AuthForm', () => {
  it('names each problem next to its field and focuses the first', async () => {
    render(h(AuthForm, { mode: 'sign-up', onSuccess: vi.fn() }));
    fireEvent.click(screen.getByTestId('auth-submit'));
    expect(await screen.findByText('Enter your name.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
  });
});
