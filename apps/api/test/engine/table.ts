// Shared shape and helpers of the utterance tables: the seed list and call builders.
import type { Task, ToolInput } from '@todo-chatbot/contract';
import type { Language, ToolCall } from '@todo-chatbot/engine';
import type { Seed } from './turns.ts';

export const NOW = new Date('2026-11-21T10:00:00Z'); // a Saturday
export const KARACHI = 'Asia/Karachi';

export interface Row {
  lang: Language;
  /** Time zone of the user; UTC unless given. */
  tz?: string;
  /** Earlier messages of the same conversation, run first. */
  before?: string[];
  say: string;
  /** Every tool call of the last message's turn, in order, with exact arguments. */
  calls: ToolCall[];
  /** Tasks after the turn: fields to check by id, or null for a deleted task. */
  state?: Record<number, Partial<Task> | null>;
  /** Text the reply must contain. */
  reply?: string;
}

/**
 * Ten tasks every row starts from (ids 1–10), created in this order; new tasks get ids from 11.
 * list_tasks shows the newest first, so "the first one" of a list is the highest id in it.
 */
export const seed: Seed[] = [
  { title: 'Buy milk', tags: ['home'], due_at: '2026-11-22T13:00:00.000Z' },
  { title: 'Buy groceries', due_at: '2026-11-21T15:00:00.000Z' },
  { title: 'Call mom', due_at: '2026-11-20T09:00:00.000Z' },
  { title: 'Pay rent', completed: true, priority: 'high', tags: ['bills'] },
  { title: 'Buy milk powder' },
  { title: 'Finish report', priority: 'high', tags: ['work'], due_at: '2026-11-24T09:00:00.000Z' },
  { title: 'دودھ خریدنا' },
  { title: 'Doctor appointment', tags: ['health'], due_at: '2026-11-25T11:00:00.000Z' },
  { title: 'Dentist appointment', tags: ['health'] },
  { title: 'Ammi ko call karna' },
];

export const add = (args: ToolInput<'add_task'>): ToolCall => ({
  name: 'add_task',
  arguments: args,
});
export const list = (args: ToolInput<'list_tasks'>): ToolCall => ({
  name: 'list_tasks',
  arguments: args,
});
export const complete = (task_id: number): ToolCall => ({
  name: 'complete_task',
  arguments: { task_id },
});
export const remove = (task_id: number): ToolCall => ({
  name: 'delete_task',
  arguments: { task_id },
});
export const update = (
  task_id: number,
  fields: Omit<ToolInput<'update_task'>, 'task_id'>,
): ToolCall => ({
  name: 'update_task',
  arguments: { task_id, ...fields },
});
export const reopen = (task_id: number): ToolCall => update(task_id, { completed: false });
