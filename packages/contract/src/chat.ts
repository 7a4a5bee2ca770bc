// The chat and its stored conversations as the public API shows them.
import { text } from './text.ts';
import { timeZoneSchema } from './time-zone.ts';
import { CHAT_MESSAGE_MAX } from './vocabulary.ts';
import { z } from './zod.ts';

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
      .max(CHAT_MESSAGE_MAX, `must be at most ${CHAT_MESSAGE_MAX} characters`)
      .openapi({ example: 'Buy milk tomorrow at 6pm #home' }),
    time_zone: timeZoneSchema
      .optional()
      .openapi({ description: 'your IANA time zone, for "tomorrow" and "today"; default UTC' }),
  })
  .openapi('ChatRequest');
export type ChatRequest = z.input<typeof chatRequestSchema>;

export const toolCallSchema = z
  .object({
    name: z.string().openapi({ example: 'add_task' }),
    arguments: z.record(z.string(), z.unknown()),
    result: z.unknown(),
  })
  .openapi('ToolCall');
export type ToolCall = z.infer<typeof toolCallSchema>;

export const chatResponseSchema = z
  .object({
    conversation_id: z.number().int(),
    message_id: z.number().int(),
    response: z.string(),
    tool_calls: z.array(toolCallSchema),
  })
  .openapi('ChatResponse');
export type ChatReply = z.infer<typeof chatResponseSchema>;

export const conversationSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Conversation');
export type Conversation = z.infer<typeof conversationSchema>;

export const messageSchema = z
  .object({
    id: z.number().int(),
    role: z.enum(['user', 'assistant']),
    content: z.string(),
    tool_calls: z.array(toolCallSchema),
    created_at: z.string(),
  })
  .openapi('Message');
export type ChatMessage = z.infer<typeof messageSchema>;

export const assistantInfoSchema = z
  .object({ provider: z.enum(['local', 'openai', 'custom']), model: z.string() })
  .openapi('AssistantInfo');
export type AssistantInfo = z.infer<typeof assistantInfoSchema>;
