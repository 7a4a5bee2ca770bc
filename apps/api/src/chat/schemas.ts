// The chat and conversation resources as the public contract shows them.
import { z } from '@hono/zod-openapi';
import { text, timeZoneSchema } from '@todo-chatbot/contract';
import type { Conversation, Message } from '../db/schema.ts';
import { idParam } from '../http/params.ts';
import { summarizeToolCall } from './tool-records.ts';

export const MESSAGE_MAX = 4000;

export const chatRequestSchema = z
  .strictObject({
    conversation_id: z
      .number({ message: 'must be a conversation id (a positive whole number)' })
      .int()
      .positive()
      .max(2_147_483_647)
      .optional()
      .openapi({ description: 'continue this conversation; omit to start a new one' }),
    message: text({ filled: true })
      .trim()
      .min(1, 'must not be empty')
      .max(MESSAGE_MAX, `must be at most ${MESSAGE_MAX} characters`)
      .openapi({ example: 'Buy milk tomorrow at 6pm #home' }),
    time_zone: timeZoneSchema
      .optional()
      .openapi({ description: 'your IANA time zone, for "tomorrow" and "today"; default UTC' }),
  })
  .openapi('ChatRequest');

const toolCallSchema = z
  .object({
    name: z.string().openapi({ example: 'add_task' }),
    arguments: z.record(z.string(), z.unknown()),
    result: z.unknown(),
  })
  .openapi('ToolCall');

export const chatResponseSchema = z
  .object({
    conversation_id: z.number().int(),
    message_id: z.number().int(),
    response: z.string(),
    tool_calls: z.array(toolCallSchema),
  })
  .openapi('ChatResponse');

export const conversationSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Conversation');

export const messageSchema = z
  .object({
    id: z.number().int(),
    role: z.enum(['user', 'assistant']),
    content: z.string(),
    tool_calls: z.array(toolCallSchema),
    created_at: z.string(),
  })
  .openapi('Message');

export const conversationIdParam = idParam('conversation');

export function toConversationJson(conversation: Conversation) {
  return {
    id: conversation.id,
    title: conversation.title,
    created_at: conversation.createdAt.toISOString(),
    updated_at: conversation.updatedAt.toISOString(),
  };
}

export function toMessageJson(message: Message) {
  return {
    id: message.id,
    role: message.role,
    content: message.content,
    // Bounded also for messages stored before tool results were summarized.
    tool_calls: message.toolCalls.map(summarizeToolCall),
    created_at: message.createdAt.toISOString(),
  };
}
