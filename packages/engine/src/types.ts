// Shared vocabulary of the offline language engine: languages, task drafts, intents and plans.
// The task vocabulary and the tools' arguments are the contract's.
import type { Recurrence, Task, ToolInput, ToolName } from '@todo-chatbot/contract';
import type { Priority } from '@todo-chatbot/contract/vocabulary';

/** en = English, ur = Urdu in Urdu script, roman = Urdu written in Latin letters. */
export type Language = 'en' | 'ur' | 'roman';

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
  due_at?: string;
  recurrence?: Recurrence;
}

/** A task as list_tasks returns it (only the fields the engine reads). */
export type TaskRecord = Pick<
  Task,
  'id' | 'title' | 'completed' | 'priority' | 'tags' | 'due_at' | 'recurrence'
>;

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
  due_at?: string | null;
  recurrence?: Recurrence | null;
}

/** The list_tasks arguments the engine reads from a request. */
export type ListFilter = Pick<ToolInput<'list_tasks'>, 'status' | 'q' | 'priority' | 'tag' | 'due'>;

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

/** One call of an MCP tool, with the arguments the tool catalogue gives that tool. */
export type ToolCall = { [N in ToolName]: { name: N; arguments: ToolInput<N> } }[ToolName];

/** The most work one turn may do: tool calls of any kind, and add_task calls among them. */
export interface PlanLimits {
  toolCalls: number;
  newTasks: number;
}

export type Plan = { kind: 'tool_calls'; calls: ToolCall[] } | { kind: 'reply'; text: string };
