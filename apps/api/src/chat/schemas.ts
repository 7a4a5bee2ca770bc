// The chat and conversation resources between the database and the contract's JSON.
import type { ChatMessage, Conversation as ConversationJson } from '@todo-chatbot/contract';
import type { Conversation, Message } from '../db/schema.ts';
import { idParam } from '../http/params.ts';
import { summarizeToolCall } from './tool-records.ts';

export const conversationIdParam = idParam('conversation');

export function toConversationJson(conversation: Conversation): ConversationJson {
  return {
    id: conversation.id,
    title: conversation.title,
    created_at: conversation.createdAt.toISOString(),
    updated_at: conversation.updatedAt.toISOString(),
  };
}

export function toMessageJson(message: Message): ChatMessage {
  return {
    id: message.id,
    role: message.role,
    content: message.content,
    // Bounded also for messages stored before tool results were summarized.
    tool_calls: message.toolCalls.map(summarizeToolCall),
    created_at: message.createdAt.toISOString(),
  };
}
