// A task as the contract's JSON text, built by the database. A page of tasks then reaches the
// response without being parsed into rows, mapped, converted and serialised again in the API,
// which the profile showed to be most of a list request's CPU. It must equal toTaskJson: the
// key order is the same and timestamps are formatted as Date.prototype.toISOString formats them
// (a test compares the two on every field).
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { tasks } from '../db/schema.ts';

// PostgreSQL keeps microseconds; MS truncates them to milliseconds, as the driver's Date does.
const isoTimestamp = (column: AnyPgColumn): SQL =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const taskJsonText = sql<string>`json_build_object(
  'id', ${tasks.id},
  'user_id', ${tasks.userId},
  'title', ${tasks.title},
  'description', ${tasks.description},
  'completed', ${tasks.completed},
  'completed_at', ${isoTimestamp(tasks.completedAt)},
  'priority', ${tasks.priority},
  'tags', ${tasks.tags},
  'due_at', ${isoTimestamp(tasks.dueAt)},
  'remind_at', ${isoTimestamp(tasks.remindAt)},
  'recurrence', ${tasks.recurrence},
  'created_at', ${isoTimestamp(tasks.createdAt)},
  'updated_at', ${isoTimestamp(tasks.updatedAt)}
)::text`;
