'use client';
// The task list for the current view, with counts, and changes that show at once and roll back
// with a message when the server refuses them.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from './api-client';
import { formatDue } from './dates';
import type { Notify } from './notify';
import { placeholderTask, recreationOf, toNewTask } from './quick-add';
import type { TaskView } from './task-view';
import { viewToQuery } from './task-view';
import {
  createTask,
  deleteTask,
  listTasks,
  parseQuickAdd,
  setCompleted,
  updateTask,
} from './tasks-api';
import type { Task, TaskPatch, TaskQuery } from './types';

export interface TaskCounts {
  pending: number;
  completed: number;
  overdue: number;
  today: number;
}

const countQueries: Record<keyof TaskCounts, TaskQuery> = {
  pending: { status: 'pending' },
  completed: { status: 'completed' },
  overdue: { status: 'pending', due: 'overdue' },
  today: { status: 'pending', due: 'today' },
};

export interface TasksController {
  tasks: Task[];
  total: number;
  counts: TaskCounts | undefined;
  tags: string[];
  loading: boolean;
  loadError: string | undefined;
  refresh: () => Promise<void>;
  addFromLine: (text: string) => Promise<Task[]>;
  setDone: (task: Task, completed: boolean) => Promise<void>;
  update: (task: Task, patch: TaskPatch) => Promise<boolean>;
  remove: (task: Task) => Promise<void>;
}

let temporaryId = -1;

export function useTasks(view: TaskView, timeZone: string, notify: Notify): TasksController {
  const [tasks, setTasks] = useState<Task[]>([]);
  const [total, setTotal] = useState(0);
  const [counts, setCounts] = useState<TaskCounts>();
  const [tags, setTags] = useState<string[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string>();
  const shown = useRef(tasks);
  shown.current = tasks;
  const query = useMemo(() => viewToQuery(view, timeZone), [view, timeZone]);
  const latestQuery = useRef(query);
  latestQuery.current = query;
  // Answers can arrive out of order; only the newest request may set the list.
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const current = ++generation.current;
    const listed = listTasks(latestQuery.current);
    const counted = Promise.all(
      Object.values(countQueries).map((extra) => listTasks({ ...extra, tz: timeZone, limit: 1 })),
    );
    try {
      const [list, [pending, completed, overdue, today]] = await Promise.all([listed, counted]);
      if (current !== generation.current) return;
      setTasks(list.tasks);
      setTotal(list.total);
      setCounts({
        pending: pending?.total ?? 0,
        completed: completed?.total ?? 0,
        overdue: overdue?.total ?? 0,
        today: today?.total ?? 0,
      });
      setTags((known) => mergeTags(known, list.tasks));
      setLoadError(undefined);
    } catch (error) {
      if (current === generation.current) setLoadError(describeError(error));
    } finally {
      if (current === generation.current) setLoading(false);
    }
  }, [timeZone]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query is the reason to reload.
  useEffect(() => {
    setLoading(true);
    void refresh();
  }, [query, refresh]);

  const replace = useCallback((id: number, change: (task: Task) => Task) => {
    setTasks((list) => list.map((task) => (task.id === id ? change(task) : task)));
  }, []);

  const addFromLine = useCallback(
    async (text: string) => {
      const parsed = await parseQuickAdd(text, timeZone);
      if (parsed.length === 0)
        throw new Error('No task found in that line. Try “Buy milk tomorrow”.');
      const drafts = parsed.map((item) => toNewTask(item, timeZone));
      const placeholders = drafts.map((draft) => placeholderTask(draft, temporaryId--, new Date()));
      setTasks((list) => [...placeholders, ...list]);
      const created: Task[] = [];
      try {
        for (const draft of drafts) created.push(await createTask(draft));
      } catch (error) {
        notify({ tone: 'error', message: `Could not add the task: ${describeError(error)}` });
        throw error;
      } finally {
        const temporary = new Set(placeholders.map((task) => task.id));
        setTasks((list) => [...created, ...list.filter((task) => !temporary.has(task.id))]);
        void refresh();
      }
      return created;
    },
    [timeZone, notify, refresh],
  );

  const setDone = useCallback(
    async (task: Task, completed: boolean) => {
      const completedAt = completed ? new Date().toISOString() : null;
      replace(task.id, (current) => ({ ...current, completed, completed_at: completedAt }));
      try {
        const result = await setCompleted(task.id, completed);
        setTasks((list) => {
          const updated = list.map((item) => (item.id === task.id ? result.task : item));
          return result.next_task ? [result.next_task, ...updated] : updated;
        });
        if (result.next_task?.due_at) {
          notify({
            message: `Next “${result.next_task.title}”: ${formatDue(result.next_task.due_at, new Date(), timeZone)}`,
          });
        }
      } catch (error) {
        replace(task.id, () => task);
        notify({
          tone: 'error',
          message: `Could not update “${task.title}”: ${describeError(error)}`,
        });
      }
      void refresh();
    },
    [replace, notify, refresh, timeZone],
  );

  const update = useCallback(
    async (task: Task, patch: TaskPatch) => {
      replace(task.id, (current) => ({ ...current, ...patch }));
      try {
        const saved = await updateTask(task.id, patch);
        replace(task.id, () => saved);
        void refresh();
        return true;
      } catch (error) {
        replace(task.id, () => task);
        notify({
          tone: 'error',
          message: `Could not save “${task.title}”: ${describeError(error)}`,
        });
        return false;
      }
    },
    [replace, notify, refresh],
  );

  const restore = useCallback(
    async (task: Task) => {
      try {
        const again = await createTask(recreationOf(task));
        if (task.completed) await updateTask(again.id, { completed: true });
        notify({ message: `Restored “${task.title}”` });
      } catch (error) {
        notify({
          tone: 'error',
          message: `Could not restore “${task.title}”: ${describeError(error)}`,
        });
      }
      void refresh();
    },
    [notify, refresh],
  );

  const remove = useCallback(
    async (task: Task) => {
      const position = shown.current.findIndex((item) => item.id === task.id);
      setTasks((list) => list.filter((item) => item.id !== task.id));
      try {
        await deleteTask(task.id);
        notify({
          message: `Deleted “${task.title}”`,
          action: { label: 'Undo', run: () => void restore(task) },
        });
      } catch (error) {
        setTasks((list) => {
          const copy = [...list];
          copy.splice(Math.max(0, position), 0, task);
          return copy;
        });
        notify({
          tone: 'error',
          message: `Could not delete “${task.title}”: ${describeError(error)}`,
        });
      }
      void refresh();
    },
    [notify, refresh, restore],
  );

  return {
    tasks,
    total,
    counts,
    tags,
    loading,
    loadError,
    refresh,
    addFromLine,
    setDone,
    update,
    remove,
  };
}

function mergeTags(known: string[], tasks: Task[]): string[] {
  const all = new Set(known);
  for (const task of tasks) for (const tag of task.tags) all.add(tag);
  return all.size === known.length ? known : [...all].sort();
}
