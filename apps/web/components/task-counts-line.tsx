// One line under the heading: how much is left, and what needs attention first.
import type { TaskCounts } from '../lib/use-tasks';

export function TaskCountsLine({ counts }: { counts: TaskCounts | undefined }) {
  if (!counts) return <p className="h-5" />;
  const parts = [
    `${counts.pending} pending`,
    counts.overdue > 0 ? `${counts.overdue} overdue` : '',
    counts.today > 0 ? `${counts.today} due today` : '',
    `${counts.completed} done`,
  ].filter(Boolean);
  return (
    <p className="text-sm text-muted" data-testid="task-counts">
      {parts.map((part, index) => (
        <span
          key={part}
          className={part.endsWith('overdue') ? 'font-semibold text-danger' : undefined}
        >
          {index > 0 && ' · '}
          {part}
        </span>
      ))}
    </p>
  );
}
