// JSON shapes of the public API contract, as the browser sees them.

export const priorities = ['none', 'low', 'medium', 'high'] as const;
export type Priority = (typeof priorities)[number];

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

export type Recurrence =
  | { frequency: 'daily'; timezone?: string }
  | { frequency: 'weekly'; weekdays?: Weekday[]; timezone?: string }
  | { frequency: 'monthly'; timezone?: string }
  | { frequency: 'every_n_days'; interval: number; timezone?: string };

export interface Task {
  id: number;
  user_id: string;
  title: string;
  description: string;
  completed: boolean;
  completed_at: string | null;
  priority: Priority;
  tags: string[];
  due_at: string | null;
  remind_at: string | null;
  recurrence: Recurrence | null;
  created_at: string;
  updated_at: string;
}

/** Fields a client may set; `null` clears a date or the recurrence. */
export interface TaskFields {
  title: string;
  description: string;
  priority: Priority;
  tags: string[];
  due_at: string | null;
  remind_at: string | null;
  recurrence: Recurrence | null;
}
export type TaskPatch = Partial<TaskFields> & { completed?: boolean };
export type NewTask = Pick<TaskFields, 'title'> & Partial<TaskFields>;

export interface TaskList {
  tasks: Task[];
  total: number;
  limit: number;
  offset: number;
}

export interface Completion {
  task: Task;
  next_task: Task | null;
}

/** One task the language engine read out of a quick-add line. */
export interface ParsedTask {
  title: string;
  description?: string;
  priority?: Priority;
  tags?: string[];
  due_at?: string | null;
  recurrence?: Recurrence | null;
}

export interface User {
  id: string;
  name: string;
  email: string;
}

export interface Session {
  user: User;
}

export interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
  result: unknown;
}

export interface Conversation {
  id: number;
  title: string;
  created_at: string;
  updated_at: string;
}

export interface ChatMessage {
  id: number;
  role: 'user' | 'assistant';
  content: string;
  tool_calls: ToolCall[];
  created_at: string;
}

export interface ChatReply {
  conversation_id: number;
  message_id: number;
  response: string;
  tool_calls: ToolCall[];
}

export interface AssistantInfo {
  provider: 'local' | 'openai' | 'custom';
  model: string;
}

export interface ApiToken {
  id: number | string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}

export interface CreatedToken extends Omit<ApiToken, 'last_used_at'> {
  token: string;
}
