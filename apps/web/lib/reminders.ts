// Which tasks should ring now: their reminder time (or, lacking one, their due time) just passed.
import type { Task } from './types';

/** Reminders older than this when the app first sees them are stale, not news. */
export const REMINDER_WINDOW_MS = 10 * 60_000;

export function reminderKey(task: Pick<Task, 'id' | 'remind_at' | 'due_at'>): string {
  return `${task.id}@${task.remind_at ?? task.due_at}`;
}

export function dueReminders(
  tasks: readonly Task[],
  now: Date,
  alreadyNotified: ReadonlySet<string>,
): Task[] {
  return tasks.filter((task) => {
    const at = task.remind_at ?? task.due_at;
    if (task.completed || !at) return false;
    const age = now.getTime() - new Date(at).getTime();
    return age >= 0 && age <= REMINDER_WINDOW_MS && !alreadyNotified.has(reminderKey(task));
  });
}

/** Milliseconds until the next reminder among the tasks, if one falls within `horizon`. */
export function nextReminderDelay(
  tasks: readonly Task[],
  now: Date,
  horizonMs: number,
): number | undefined {
  let soonest: number | undefined;
  for (const task of tasks) {
    const at = task.remind_at ?? task.due_at;
    if (task.completed || !at) continue;
    const delay = new Date(at).getTime() - now.getTime();
    if (delay > 0 && delay <= horizonMs && (soonest === undefined || delay < soonest)) {
      soonest = delay;
    }
  }
  return soonest;
}
