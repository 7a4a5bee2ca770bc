// JSON shapes of the public API as the browser sees them. The task vocabulary is the API's own
// contract, imported as types only (the bundle gains no zod); Better Auth's user, chat and
// tokens are described here.
export type {
  Completion,
  NewTask,
  ParsedTask,
  Priority,
  Recurrence,
  Task,
  TaskList,
  TaskPatch,
  TaskQuery,
  Weekday,
} from '@todo-chatbot/contract';

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
