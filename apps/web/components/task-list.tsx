'use client';
// The list itself, its empty and error states, and arrow-key movement between tasks.
import type { KeyboardEvent } from 'react';
import { secondaryButton } from '../lib/styles';
import type { Task } from '../lib/types';
import { useMinuteClock } from '../lib/use-minute-clock';
import { TaskItem } from './task-item';

interface TaskListProps {
  tasks: Task[];
  total: number;
  loading: boolean;
  loadError: string | undefined;
  filtered: boolean;
  timeZone: string;
  onRetry: () => void;
  onClearFilters: () => void;
  onToggle: (task: Task) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
  onTag: (tag: string) => void;
}

const moves: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (index, count) => Math.min(count - 1, index + 1),
  ArrowUp: (index) => Math.max(0, index - 1),
  Home: () => 0,
  End: (_index, count) => count - 1,
};

function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  const move = moves[event.key];
  const target = event.target as HTMLElement;
  if (!move || target.matches('input, select, textarea')) return;
  const rows = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-row-focus]')];
  const current = rows.findIndex((row) => row.closest('li') === target.closest('li'));
  if (current === -1) return;
  event.preventDefault();
  rows[move(current, rows.length)]?.focus();
}

export function TaskList(props: TaskListProps) {
  const { tasks, total, loading, loadError, filtered } = props;
  const now = useMinuteClock();

  // Deleting the focused row would drop focus to the page; hand it to a neighbour instead.
  const remove = (task: Task) => {
    const row = document.querySelector(`[data-task-id="${task.id}"]`);
    const neighbour = row?.contains(document.activeElement)
      ? (row.nextElementSibling ?? row.previousElementSibling)
      : null;
    props.onDelete(task);
    neighbour?.querySelector<HTMLElement>('[data-row-focus]')?.focus();
  };

  if (loadError && tasks.length === 0) {
    return (
      <div className="p-6 text-center" role="alert">
        <p className="mb-3 text-danger">Could not load your tasks. {loadError}</p>
        <button type="button" className={secondaryButton} onClick={props.onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (loading && tasks.length === 0) {
    return (
      <p className="p-6 text-center text-muted" role="status">
        Loading tasks…
      </p>
    );
  }
  if (tasks.length === 0) {
    return (
      <div className="p-8 text-center" data-testid="task-list-empty">
        {filtered ? (
          <>
            <p className="mb-2 font-medium">No tasks match.</p>
            <button
              type="button"
              className="text-sm font-medium text-accent underline underline-offset-2"
              onClick={props.onClearFilters}
            >
              Clear search and filters
            </button>
          </>
        ) : (
          <>
            <p className="mb-1 font-medium">Nothing here yet.</p>
            <p className="text-sm text-muted">
              Type a task above, or ask the assistant: “Remind me to call mum tomorrow at 7pm”.
            </p>
          </>
        )}
      </div>
    );
  }
  return (
    <>
      <p id="task-keys-help" className="sr-only">
        Enter opens the editor, Delete deletes the task, arrow keys move between tasks.
      </p>
      <ul
        aria-label="Tasks"
        data-testid="task-list"
        onKeyDown={moveFocus}
        className="divide-y divide-line"
      >
        {tasks.map((task) => (
          <TaskItem
            key={task.id}
            task={task}
            now={now}
            timeZone={props.timeZone}
            onToggle={props.onToggle}
            onEdit={props.onEdit}
            onDelete={remove}
            onTag={props.onTag}
          />
        ))}
      </ul>
      {total > tasks.length && (
        <p className="p-3 text-center text-sm text-muted">
          Showing the first {tasks.length} of {total}. Narrow the list with search or filters.
        </p>
      )}
    </>
  );
}
