// Task queries: every function takes the database and the owner, so no query can cross users.
import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import {
  and,
  arrayContains,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type NewTask, type Task, tasks } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { ensureRoomForTask, taskCapOf } from './quota.ts';
import { nextOccurrence, normalizeRecurrence } from './recurrence.ts';
import type { CreateTaskInput, ListQuery, PatchTaskInput, ReplaceTaskInput } from './schemas.ts';
import { taskJsonText } from './task-json-sql.ts';

export const taskNotFound = (id: number) =>
  new AppError(404, 'task_not_found', `Task ${id} was not found.`);

const owned = (userId: string, id: number) => and(eq(tasks.userId, userId), eq(tasks.id, id));

/** A page of tasks as a JSON array's text (see task-json-sql.ts), and how many match in all. */
export async function listTasks(
  db: Db,
  userId: string,
  query: ListQuery,
  now = new Date(),
): Promise<{ tasksJson: string; total: number }> {
  const where = and(eq(tasks.userId, userId), ...filtersFor(query, now));
  const rows = await db
    .select({ json: taskJsonText })
    .from(tasks)
    .where(where)
    .orderBy(...orderFor(query))
    .limit(query.limit)
    .offset(query.offset);
  const tasksJson = `[${rows.map((row) => row.json).join(',')}]`;
  // A page that is not full and not past the end holds the last of them: no need to count.
  if (rows.length < query.limit && (rows.length > 0 || query.offset === 0)) {
    return { tasksJson, total: query.offset + rows.length };
  }
  const [totals] = await db.select({ total: count() }).from(tasks).where(where);
  return { tasksJson, total: totals?.total ?? 0 };
}

function filtersFor(query: ListQuery, now: Date): SQL[] {
  const filters: (SQL | undefined)[] = [];
  if (query.status !== 'all') filters.push(eq(tasks.completed, query.status === 'completed'));
  if (query.priority) filters.push(eq(tasks.priority, query.priority));
  if (query.tag) filters.push(arrayContains(tasks.tags, [query.tag]));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(tasks.title, pattern), ilike(tasks.description, pattern)));
  }
  if (query.due) {
    const today = startOfDay(new TZDate(now, query.tz));
    switch (query.due) {
      case 'overdue':
        filters.push(lt(tasks.dueAt, now), eq(tasks.completed, false));
        break;
      case 'today':
        filters.push(gte(tasks.dueAt, today), lt(tasks.dueAt, addDays(today, 1)));
        break;
      case 'week':
        filters.push(gte(tasks.dueAt, today), lt(tasks.dueAt, addDays(today, 7)));
        break;
      case 'none':
        filters.push(isNull(tasks.dueAt));
        break;
    }
  }
  return filters.filter((filter): filter is SQL => filter !== undefined);
}

const priorityRank = sql`case ${tasks.priority} when 'high' then 3 when 'medium' then 2 when 'low' then 1 else 0 end`;

function orderFor(query: ListQuery): SQL[] {
  const defaultOrder = { created: 'desc', due: 'asc', priority: 'desc', title: 'asc' } as const;
  const direction = (query.order ?? defaultOrder[query.sort]) === 'asc' ? asc : desc;
  const primary = {
    created: [direction(tasks.createdAt)],
    // Tasks without a due date come last whichever way due dates are sorted.
    due: [asc(isNull(tasks.dueAt)), direction(tasks.dueAt)],
    priority: [direction(priorityRank)],
    title: [direction(sql`lower(${tasks.title})`)],
  }[query.sort];
  return [...primary, direction(tasks.id)];
}

export async function getTask(db: Db, userId: string, id: number): Promise<Task> {
  const [task] = await db.select().from(tasks).where(owned(userId, id));
  if (!task) throw taskNotFound(id);
  return task;
}

/** Creates a task; 409 when the owner already holds the most tasks one account may. */
export function createTask(
  db: Db,
  userId: string,
  input: CreateTaskInput,
  now = new Date(),
): Promise<Task> {
  const max = taskCapOf(db);
  return db.transaction(async (tx) => {
    await ensureRoomForTask(tx as unknown as Db, userId, max, 'create');
    const [task] = await tx
      .insert(tasks)
      .values({ ...fieldsFrom(input, now), userId } as NewTask)
      .returning();
    return task as Task;
  });
}

/** Replaces every editable field; omitted fields go back to their defaults. */
export async function replaceTask(
  db: Db,
  userId: string,
  id: number,
  input: ReplaceTaskInput,
  now = new Date(),
): Promise<{ task: Task; next: Task | null }> {
  const defaults: PatchTaskInput = {
    description: '',
    priority: 'none',
    tags: [],
    due_at: null,
    remind_at: null,
    recurrence: null,
  };
  return updateTask(db, userId, id, { ...defaults, ...input }, now);
}

/** Changes the given fields; completing a recurring task also creates its next occurrence. */
export function updateTask(
  db: Db,
  userId: string,
  id: number,
  patch: PatchTaskInput,
  now = new Date(),
): Promise<{ task: Task; next: Task | null }> {
  return changeTask(db, userId, id, now, () => patch);
}

/** Sets the completion state, or toggles it when `completed` is undefined. */
export function setCompletion(
  db: Db,
  userId: string,
  id: number,
  completed: boolean | undefined,
  now = new Date(),
): Promise<{ task: Task; next: Task | null }> {
  return changeTask(db, userId, id, now, (current) => ({
    completed: completed ?? !current.completed,
  }));
}

/** Locks the task, derives the patch from its current state, and applies it in one transaction. */
function changeTask(
  db: Db,
  userId: string,
  id: number,
  now: Date,
  decide: (current: Task) => PatchTaskInput,
): Promise<{ task: Task; next: Task | null }> {
  const max = taskCapOf(db);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(tasks).where(owned(userId, id)).for('update');
    if (!current) throw taskNotFound(id);
    const { completed, ...edits } = decide(current);
    const changes: Partial<NewTask> = fieldsFrom(edits, now, current.dueAt);
    let next: Task | null = null;
    if (completed !== undefined && completed !== current.completed) {
      changes.completed = completed;
      changes.completedAt = completed ? now : null;
      const merged = { ...current, ...changes } as Task;
      if (completed && merged.recurrence) {
        await ensureRoomForTask(tx as unknown as Db, userId, max, 'rollover');
        next = await insertNextOccurrence(tx as unknown as Db, merged, now);
        // The series continues on the new task; this one stays as a record of the done occurrence.
        changes.recurrence = null;
      }
    }
    if (Object.keys(changes).length === 0) return { task: current, next };
    const [task] = await tx.update(tasks).set(changes).where(owned(userId, id)).returning();
    return { task: task as Task, next };
  });
}

async function insertNextOccurrence(db: Db, done: Task, now: Date): Promise<Task> {
  const rule = done.recurrence as NonNullable<Task['recurrence']>;
  const anchor = done.dueAt ?? now;
  const dueAt = nextOccurrence(rule, anchor, now);
  const shift = dueAt.getTime() - anchor.getTime();
  const [next] = await db
    .insert(tasks)
    .values({
      userId: done.userId,
      title: done.title,
      description: done.description,
      priority: done.priority,
      tags: done.tags,
      recurrence: rule,
      dueAt,
      remindAt: done.remindAt ? new Date(done.remindAt.getTime() + shift) : null,
    })
    .returning();
  return next as Task;
}

export async function deleteTask(db: Db, userId: string, id: number): Promise<Task> {
  const [task] = await db.delete(tasks).where(owned(userId, id)).returning();
  if (!task) throw taskNotFound(id);
  return task;
}

/** Maps contract fields to columns, making recurrence rules explicit against the due date. */
function fieldsFrom(
  input: Omit<PatchTaskInput, 'completed'>,
  now: Date,
  currentDueAt: Date | null = null,
) {
  const fields: Partial<NewTask> = {};
  if (input.title !== undefined) fields.title = input.title;
  if (input.description !== undefined) fields.description = input.description;
  if (input.priority !== undefined) fields.priority = input.priority;
  if (input.tags !== undefined) fields.tags = input.tags;
  if (input.due_at !== undefined) fields.dueAt = input.due_at;
  if (input.remind_at !== undefined) fields.remindAt = input.remind_at;
  if (input.recurrence !== undefined) {
    const anchor = (input.due_at !== undefined ? input.due_at : currentDueAt) ?? now;
    fields.recurrence = input.recurrence ? normalizeRecurrence(input.recurrence, anchor) : null;
  }
  return fields;
}
