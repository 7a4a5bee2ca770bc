'use client';
// One task row: done checkbox, title (opens the editor), what it is about at a glance, actions.
import { type DueState, dueState, formatDue, formatFull } from '../lib/dates';
import { describeRecurrence } from '../lib/recurrence';
import { iconButton } from '../lib/styles';
import type { Priority, Task } from '../lib/types';
import { Icon } from './icon';

const priorityBadge: Record<Exclude<Priority, 'none'>, [string, string]> = {
  high: ['High', 'bg-danger-soft text-danger-soft-fg'],
  medium: ['Medium', 'bg-warn-soft text-warn-soft-fg'],
  low: ['Low', 'bg-info-soft text-info-soft-fg'],
};

const dueBadge: Record<DueState, string> = {
  overdue: 'bg-danger-soft text-danger-soft-fg font-semibold',
  today: 'bg-warn-soft text-warn-soft-fg font-semibold',
  upcoming: 'bg-surface-2 text-muted',
  none: '',
};

interface TaskItemProps {
  task: Task;
  now: Date;
  timeZone: string;
  onToggle: (task: Task) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
  onTag: (tag: string) => void;
}

export function TaskItem({
  task,
  now,
  timeZone,
  onToggle,
  onEdit,
  onDelete,
  onTag,
}: TaskItemProps) {
  const state = dueState(task, now, timeZone);
  const saving = task.id < 0;
  const badge = 'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs';
  return (
    <li
      data-testid="task-item"
      data-task-id={task.id}
      data-due-state={state}
      data-completed={task.completed}
      aria-busy={saving || undefined}
      className={`flex items-start gap-3 border-l-4 px-3 py-3 sm:px-4 ${
        state === 'overdue'
          ? 'border-l-danger'
          : state === 'today'
            ? 'border-l-warn-soft-fg'
            : 'border-l-transparent'
      } ${saving ? 'opacity-60' : ''}`}
    >
      <input
        type="checkbox"
        checked={task.completed}
        disabled={saving}
        onChange={() => onToggle(task)}
        aria-label={`Done: ${task.title}`}
        data-testid="task-toggle"
        className="mt-0.5 size-5 shrink-0 cursor-pointer accent-[var(--accent)]"
      />
      <div className="min-w-0 flex-1">
        <button
          type="button"
          data-row-focus
          data-testid="task-title"
          dir="auto"
          disabled={saving}
          onClick={() => onEdit(task)}
          onKeyDown={(event) => {
            if (event.key === 'Delete') onDelete(task);
          }}
          aria-describedby="task-keys-help"
          className={`block max-w-full rounded text-start text-[15px] leading-snug break-words hover:underline ${
            task.completed ? 'text-muted line-through' : 'text-fg'
          }`}
        >
          {task.title}
        </button>
        {task.description && (
          <p dir="auto" className="mt-0.5 line-clamp-2 text-sm break-words text-muted">
            {task.description}
          </p>
        )}
        <div className="mt-1.5 flex flex-wrap items-center gap-1.5">
          {task.priority !== 'none' && (
            <span
              className={`${badge} font-medium ${priorityBadge[task.priority][1]}`}
              data-testid="task-priority"
            >
              {priorityBadge[task.priority][0]}
              <span className="sr-only"> priority</span>
            </span>
          )}
          {task.due_at && (
            <span
              className={`${badge} ${dueBadge[state]}`}
              title={formatFull(task.due_at, timeZone)}
              data-testid="task-due"
            >
              <Icon name="clock" className="size-3.5" />
              {state === 'overdue' && <span>Overdue ·</span>}
              {formatDue(task.due_at, now, timeZone)}
            </span>
          )}
          {task.recurrence && (
            <span
              className={`${badge} bg-accent-soft text-accent-soft-fg`}
              data-testid="task-recurrence"
            >
              <Icon name="repeat" className="size-3.5" />
              {describeRecurrence(task.recurrence)}
            </span>
          )}
          {task.remind_at && !task.completed && (
            <span
              className={`${badge} bg-surface-2 text-muted`}
              title={`Reminder: ${formatFull(task.remind_at, timeZone)}`}
            >
              <Icon name="bell" className="size-3.5" />
              <span className="sr-only">Reminder {formatDue(task.remind_at, now, timeZone)}</span>
            </span>
          )}
          {task.tags.map((tag) => (
            <button
              key={tag}
              type="button"
              dir="auto"
              onClick={() => onTag(tag)}
              aria-label={`Show tasks tagged ${tag}`}
              className={`${badge} bg-surface-2 text-accent hover:underline`}
              data-testid="task-tag"
            >
              #{tag}
            </button>
          ))}
        </div>
      </div>
      <div className="flex shrink-0 items-center">
        <button
          type="button"
          className={iconButton}
          disabled={saving}
          onClick={() => onEdit(task)}
          aria-label={`Edit “${task.title}”`}
          data-testid="task-edit"
        >
          <Icon name="edit" className="size-4" />
        </button>
        <button
          type="button"
          className={`${iconButton} hover:text-danger`}
          disabled={saving}
          onClick={() => onDelete(task)}
          aria-label={`Delete “${task.title}”`}
          data-testid="task-delete"
        >
          <Icon name="trash" className="size-4" />
        </button>
      </div>
    </li>
  );
}
