// What the list shows (filters, search, sort), kept in the address bar so reloads keep it.
import {
  DUE_FILTERS,
  type DueFilter,
  PRIORITIES,
  SORT_ORDERS,
  type SortOrder,
  TASK_SORTS,
  TASK_STATUSES,
  type TaskSort,
  type TaskStatus,
} from '@todo-chatbot/contract/vocabulary';
import type { Priority, TaskQuery } from './types';

export interface TaskView {
  status: TaskStatus;
  priority: Priority | '';
  tag: string;
  due: DueFilter | '';
  q: string;
  sort: TaskSort;
  order: SortOrder;
}

/** The direction each sort reads best in: newest first, soonest due, most important. */
export const naturalOrder: Record<TaskView['sort'], TaskView['order']> = {
  created: 'desc',
  due: 'asc',
  priority: 'desc',
  title: 'asc',
};

export const defaultView: TaskView = {
  status: 'all',
  priority: '',
  tag: '',
  due: '',
  q: '',
  sort: 'created',
  order: 'desc',
};

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function viewFromSearch(search: string): TaskView {
  const params = new URLSearchParams(search);
  const sort = oneOf(TASK_SORTS, params.get('sort'), defaultView.sort);
  return {
    status: oneOf(TASK_STATUSES, params.get('status'), defaultView.status),
    priority: oneOf(PRIORITIES, params.get('priority'), '' as Priority),
    tag: (params.get('tag') ?? '').trim().replace(/^#+/, '').toLowerCase(),
    due: oneOf(DUE_FILTERS, params.get('due'), ''),
    q: params.get('q') ?? '',
    sort,
    order: oneOf(SORT_ORDERS, params.get('order'), naturalOrder[sort]),
  };
}

/** Only what differs from the defaults, so a plain visit has a plain address. */
export function viewToSearch(view: TaskView): string {
  const params = new URLSearchParams();
  for (const key of ['status', 'priority', 'tag', 'due', 'q', 'sort'] as const) {
    if (view[key] !== defaultView[key]) params.set(key, view[key]);
  }
  if (view.order !== naturalOrder[view.sort]) params.set('order', view.order);
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function viewToQuery(view: TaskView, timeZone: string): TaskQuery {
  return {
    status: view.status,
    priority: view.priority || undefined,
    tag: view.tag || undefined,
    due: view.due || undefined,
    q: view.q.trim() || undefined,
    sort: view.sort,
    order: view.order,
    tz: timeZone,
    limit: 200,
  };
}

export function isFiltered(view: TaskView): boolean {
  return Boolean(view.priority || view.tag || view.due || view.q.trim());
}
