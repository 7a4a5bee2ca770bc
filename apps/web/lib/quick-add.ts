// Turns what the language engine read from a quick-add line into tasks to create.
import type { NewTask, ParsedTask, Task } from './types';

export function toNewTask(parsed: ParsedTask, timeZone: string): NewTask {
  const task: NewTask = { title: parsed.title.trim() };
  if (parsed.description) task.description = parsed.description;
  if (parsed.priority && parsed.priority !== 'none') task.priority = parsed.priority;
  if (parsed.tags?.length) task.tags = parsed.tags;
  if (parsed.due_at) task.due_at = parsed.due_at;
  // Days of a recurring task are counted where the user lives unless the engine said otherwise.
  if (parsed.recurrence) task.recurrence = { timezone: timeZone, ...parsed.recurrence };
  return task;
}

/** A stand-in row shown while the real task is being created. */
export function placeholderTask(task: NewTask, id: number, now: Date): Task {
  const stamp = now.toISOString();
  return {
    id,
    user_id: '',
    title: task.title,
    description: task.description ?? '',
    completed: false,
    completed_at: null,
    priority: task.priority ?? 'none',
    tags: task.tags ?? [],
    due_at: task.due_at ?? null,
    remind_at: task.remind_at ?? null,
    recurrence: task.recurrence ?? null,
    created_at: stamp,
    updated_at: stamp,
  };
}

/** The fields that recreate a deleted task (undo); its id and timestamps are new. */
export function recreationOf(task: Task): NewTask {
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    tags: task.tags,
    due_at: task.due_at,
    remind_at: task.remind_at,
    recurrence: task.recurrence,
  };
}
