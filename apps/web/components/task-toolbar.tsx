'use client';
// Search, filters and sort for the list; on phones the filters fold away behind one button.
import {
  DUE_FILTERS,
  type DueFilter,
  PRIORITIES,
  TASK_SORTS,
  type TaskSort,
} from '@todo-chatbot/contract/vocabulary';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { field, iconButton, secondaryButton } from '../lib/styles';
import { isFiltered, naturalOrder, type TaskView } from '../lib/task-view';
import type { TaskCounts } from '../lib/use-tasks';
import { Icon } from './icon';
import { Select } from './select';
import { StatusTabs } from './status-tabs';

const dueLabels: Record<DueFilter, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  week: 'Next 7 days',
  none: 'No due date',
};
const sortLabels: Record<TaskSort, string> = {
  created: 'Added',
  due: 'Due date',
  priority: 'Priority',
  title: 'Title',
};
const priorityLabels = { none: 'No priority', low: 'Low', medium: 'Medium', high: 'High' };

interface ToolbarProps {
  view: TaskView;
  counts: TaskCounts | undefined;
  tags: string[];
  onChange: (change: Partial<TaskView>) => void;
}

export function TaskToolbar({ view, counts, tags, onChange }: ToolbarProps) {
  const id = useId();
  const [search, setSearch] = useState(view.q);
  const [open, setOpen] = useState(false);

  const sent = useRef(view.q);

  // Clearing filters elsewhere clears the box too; our own debounced value must not echo back
  // over letters typed since.
  useEffect(() => {
    if (view.q === sent.current) return;
    sent.current = view.q;
    setSearch(view.q);
  }, [view.q]);

  const commit = useCallback(
    (q: string) => {
      sent.current = q;
      onChange({ q });
    },
    [onChange],
  );

  // Search as the user types, once they pause.
  useEffect(() => {
    if (search === sent.current) return;
    const timer = setTimeout(() => commit(search), 250);
    return () => clearTimeout(timer);
  }, [search, commit]);

  const active = [view.priority, view.tag, view.due].filter(Boolean).length;
  const tagOptions = view.tag && !tags.includes(view.tag) ? [...tags, view.tag] : tags;
  const reversed = view.order !== naturalOrder[view.sort];

  return (
    <div className="space-y-3">
      <div className="relative">
        <label htmlFor={`${id}-search`} className="sr-only">
          Search tasks
        </label>
        <Icon
          name="search"
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted"
        />
        <input
          id={`${id}-search`}
          type="search"
          data-testid="task-search"
          dir="auto"
          placeholder="Search titles and notes"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit(search);
          }}
          className={`${field} pl-9`}
        />
      </div>
      <div className="flex items-center gap-2">
        <div className="min-w-0 flex-1">
          <StatusTabs
            status={view.status}
            counts={counts}
            onChange={(status) => onChange({ status })}
          />
        </div>
        <button
          type="button"
          className={`${secondaryButton} sm:hidden`}
          aria-expanded={open}
          aria-controls={`${id}-filters`}
          onClick={() => setOpen((shown) => !shown)}
          data-testid="filters-toggle"
        >
          Filters{active > 0 ? ` (${active})` : ''}
        </button>
      </div>
      <div
        id={`${id}-filters`}
        className={`${open ? 'grid' : 'hidden'} grid-cols-2 gap-2 sm:grid sm:grid-cols-4`}
      >
        <Select
          label="Priority"
          testId="filter-priority"
          value={view.priority}
          onChange={(value) => onChange({ priority: value as TaskView['priority'] })}
          options={[
            ['', 'Any priority'],
            ...[...PRIORITIES].reverse().map((value) => [value, priorityLabels[value]] as const),
          ]}
        />
        <Select
          label="Tag"
          testId="filter-tag"
          value={view.tag}
          onChange={(tag) => onChange({ tag })}
          options={[['', 'Any tag'], ...tagOptions.map((tag) => [tag, `#${tag}`] as const)]}
        />
        <Select
          label="Due"
          testId="filter-due"
          value={view.due}
          onChange={(value) => onChange({ due: value as TaskView['due'] })}
          options={[
            ['', 'Any time'],
            ...DUE_FILTERS.map((value) => [value, dueLabels[value]] as const),
          ]}
        />
        <div className="flex items-end gap-1">
          <div className="min-w-0 flex-1">
            <Select
              label="Sort by"
              testId="sort"
              value={view.sort}
              onChange={(value) => {
                const sort = value as TaskView['sort'];
                onChange({ sort, order: naturalOrder[sort] });
              }}
              options={TASK_SORTS.map((value) => [value, sortLabels[value]] as const)}
            />
          </div>
          <button
            type="button"
            className={`${iconButton} border border-line-strong ${reversed ? 'bg-surface-2 text-fg' : ''}`}
            aria-pressed={reversed}
            aria-label={`Sort ${view.order === 'asc' ? 'ascending' : 'descending'}; reverse the order`}
            title="Reverse the order"
            data-testid="sort-order"
            onClick={() => onChange({ order: view.order === 'asc' ? 'desc' : 'asc' })}
          >
            <Icon name="sort" className={`size-4 ${view.order === 'asc' ? '' : 'rotate-180'}`} />
          </button>
        </div>
      </div>
      {isFiltered(view) && (
        <button
          type="button"
          className="text-sm font-medium text-accent underline-offset-2 hover:underline"
          onClick={() => onChange({ q: '', priority: '', tag: '', due: '' })}
          data-testid="clear-filters"
        >
          Clear search and filters
        </button>
      )}
    </div>
  );
}
