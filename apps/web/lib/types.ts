// JSON shapes of the public API as the browser sees them: the API's own contract, imported as
// types only (the bundle gains no zod). Only Better Auth's user and session are described here.
export type {
  ApiToken,
  AssistantInfo,
  ChatMessage,
  ChatReply,
  Completion,
  Conversation,
  CreatedToken,
  NewTask,
  ParsedTask,
  Priority,
  Recurrence,
  Task,
  TaskList,
  TaskPatch,
  TaskQuery,
  ToolCall,
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
