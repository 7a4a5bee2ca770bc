// Shared vocabulary of the offline language engine: languages, task drafts, intents and plans.

/** en = English, ur = Urdu in Urdu script, roman = Urdu written in Latin letters. */
export type Language = 'en' | 'ur' | 'roman';

export type Priority = 'none' | 'low' | 'medium' | 'high';

export const weekdayCodes = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayCode = (typeof weekdayCodes)[number];

export type Recurrence =
  | { frequency: 'daily'; timezone?: string }
  | { frequency: 'weekly'; weekdays?: WeekdayCode[]; timezone?: string }
  | { frequency: 'monthly'; timezone?: string }
  | { frequency: 'every_n_days'; interval: number; timezone?: string };

/** "Now" and the user's time zone: every date the engine reads or writes is relative to them. */
export interface TimeContext {
  now: Date;
  timeZone: string;
}

/** The arguments of one add_task call. */
export interface TaskDraft {
  title: string;
  description?: string;
  priority?: Priority;
  tags?: string[];
  due?: string;
  recurrence?: Recurrence;
}

/** A task as list_tasks returns it (only the fields the engine reads). */
export interface TaskRecord {
  id: number;
  title: string;
  completed: boolean;
  priority: Priority;
  tags: string[];
  due_at: string | null;
  recurrence: Recurrence | null;
}

/** How the user pointed at a task. Positions are 0-based; -1 is "the last one". */
export type TaskRef =
  | { kind: 'id'; id: number }
  | { kind: 'position'; index: number }
  | { kind: 'title'; text: string }
  | { kind: 'it' }
  | { kind: 'all' };

/** Fields an update may change; tag edits apply to the task's current tags. */
export interface Changes {
  title?: string;
  description?: string;
  priority?: Priority;
  addTags?: string[];
  removeTags?: string[];
  due?: string | null;
  recurrence?: Recurrence | null;
}

export interface ListFilter {
  status?: 'all' | 'pending' | 'completed';
  q?: string;
  priority?: Priority;
  tag?: string;
  due?: 'overdue' | 'today' | 'week' | 'none';
}

export type Action = 'complete' | 'reopen' | 'delete' | 'update';

export type Intent =
  | { type: 'help' }
  | { type: 'thanks' }
  | { type: 'unknown' }
  | { type: 'add'; tasks: TaskDraft[] }
  | { type: 'list'; filter: ListFilter }
  | { type: 'act'; action: Action; refs: TaskRef[]; changes: Changes }
  /** Only a reference ("the second one", "2"): the action comes from the conversation. */
  | { type: 'reference'; refs: TaskRef[] };

export interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

/** The most work one turn may do: tool calls of any kind, and add_task calls among them. */
export interface PlanLimits {
  toolCalls: number;
  newTasks: number;
}

export type Plan = { kind: 'tool_calls'; calls: ToolCall[] } | { kind: 'reply'; text: string };
