// The most tasks one account may hold, checked under a lock so that concurrent creates, on any
// number of replicas, cannot overshoot it.
import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { tasks, users } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';

export const DEFAULT_TASKS_PER_USER_MAX = 10_000;

// Kept per database handle rather than passed to every call: the MCP tools create tasks through
// the same query functions with only the handle and the user, and must meet the same cap.
const caps = new WeakMap<Db, number>();

/** Sets the cap for every task written through this handle: REST, MCP tools, rollovers. */
export function setTaskCap(db: Db, max: number): void {
  caps.set(db, max);
}

export function taskCapOf(db: Db): number {
  return caps.get(db) ?? DEFAULT_TASKS_PER_USER_MAX;
}

export type NewTaskReason = 'create' | 'rollover';

export const taskLimitReached = (max: number, reason: NewTaskReason) =>
  new AppError(
    409,
    'task_limit_reached',
    reason === 'create'
      ? `You already have ${max} tasks, the most one account may hold. Delete some (completed ones, for example) to add more.`
      : `Completing this recurring task would add its next occurrence, but you already have ${max} tasks, the most one account may hold. Delete some tasks first, or stop the repetition.`,
  );

/**
 * Call inside the transaction that inserts the task. Every task insert takes this row lock on
 * its owner first, so one user's inserts pass this point one at a time, and the count (a new
 * snapshot per statement under READ COMMITTED) includes every task committed before: the cap is
 * exact. The lock is NO KEY UPDATE, which the foreign-key checks of other writes do not wait for.
 */
export async function ensureRoomForTask(
  tx: Db,
  userId: string,
  max: number,
  reason: NewTaskReason,
): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('no key update');
  const [row] = await tx.select({ held: count() }).from(tasks).where(eq(tasks.userId, userId));
  if ((row?.held ?? 0) >= max) throw taskLimitReached(max, reason);
}
