'use client';
// All / Pending / Completed, each with how many tasks it holds.
import type { TaskView } from '../lib/task-view';
import type { TaskCounts } from '../lib/use-tasks';

const tabs: { value: TaskView['status']; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'pending', label: 'Pending' },
  { value: 'completed', label: 'Done' },
];

export function StatusTabs({
  status,
  counts,
  onChange,
}: {
  status: TaskView['status'];
  counts: TaskCounts | undefined;
  onChange: (status: TaskView['status']) => void;
}) {
  const countFor = (value: TaskView['status']) => {
    if (!counts) return undefined;
    if (value === 'all') return counts.pending + counts.completed;
    return value === 'pending' ? counts.pending : counts.completed;
  };
  return (
    <fieldset className="flex rounded-lg bg-surface-2 p-1" data-testid="status-filter">
      <legend className="sr-only">Show</legend>
      {tabs.map((tab) => {
        const count = countFor(tab.value);
        const active = status === tab.value;
        return (
          <button
            key={tab.value}
            type="button"
            aria-pressed={active}
            onClick={() => onChange(tab.value)}
            data-testid={`status-${tab.value}`}
            className={`flex flex-1 items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium ${
              active ? 'bg-surface text-fg shadow-sm' : 'text-muted hover:text-fg'
            }`}
          >
            {tab.label}
            {count !== undefined && (
              <span className={`text-xs tabular-nums ${active ? 'text-muted' : ''}`}>{count}</span>
            )}
          </button>
        );
      })}
    </fieldset>
  );
}
