// Route definitions for chat and conversations.
import { createRoute, z } from '@hono/zod-openapi';
import {
  assistantInfoSchema,
  chatRequestSchema,
  chatResponseSchema,
  conversationSchema,
  errorBodySchema,
  messageSchema,
} from '@todo-chatbot/contract';
import {
  invalidBodyError,
  jsonBody,
  jsonContent,
  notFoundError,
  security,
  userScopedErrors,
} from '../http/openapi.ts';
import { userIdParam, userParams } from '../http/params.ts';
import { conversationIdParam } from './schemas.ts';

const tags = ['Chat'];

/** One Server-Sent Event of a chat turn (Open API 3.1 reads an event stream's schema per event). */
const chatStreamEventSchema = z
  .object({
    event: z.enum(['conversation', 'delta', 'tool_call', 'done', 'error']),
    data: z.string().openapi({ description: 'the event body as JSON' }),
  })
  .openapi('ChatStreamEvent');
const conversationParams = z.object({ user_id: userIdParam, id: conversationIdParam });
const assistantErrors = {
  409: jsonContent(
    errorBodySchema,
    'conversation_limit_reached (CONVERSATIONS_PER_USER_MAX) or message_limit_reached (MESSAGES_PER_CONVERSATION_MAX); nothing is stored',
  ),
  502: jsonContent(errorBodySchema, 'The model failed; the message is stored'),
  504: jsonContent(errorBodySchema, 'The model timed out; the message is stored'),
};

export const chatRoute = createRoute({
  method: 'post',
  path: '/api/{user_id}/chat',
  tags,
  security,
  summary: 'Send a message to the assistant and get its reply',
  description:
    'Stateless: the conversation is loaded from the database, the message stored before the assistant runs, and the reply with its tool calls stored after. One message may make at most CHAT_TOOL_CALLS_PER_TURN_MAX tool calls and add at most CHAT_NEW_TASKS_PER_TURN_MAX tasks; beyond that the assistant asks or stops, and the reply says what was done. Stored tool results are summaries (a list keeps at most 50 tasks, without descriptions).',
  request: { params: userParams, body: jsonBody(chatRequestSchema) },
  responses: {
    200: jsonContent(chatResponseSchema, 'The reply and the tool calls that produced it'),
    ...userScopedErrors,
    ...notFoundError('conversation'),
    ...invalidBodyError,
    ...assistantErrors,
  },
});

export const chatStreamRoute = createRoute({
  method: 'post',
  path: '/api/{user_id}/chat/stream',
  tags,
  security,
  summary: 'The same turn as Server-Sent Events',
  description:
    'Events: `conversation` `{conversation_id}`, `delta` `{text}` (reply text as it is written), `tool_call` `{name, arguments, result}`, then `done` (the same body as POST /chat) or `error` `{error: {code, message}, conversation_id}`.',
  request: { params: userParams, body: jsonBody(chatRequestSchema) },
  responses: {
    200: {
      content: { 'text/event-stream': { schema: chatStreamEventSchema } },
      description: 'The event stream; the schema describes each event',
    },
    ...userScopedErrors,
    ...invalidBodyError,
  },
});

export const listConversationsRoute = createRoute({
  method: 'get',
  path: '/api/{user_id}/conversations',
  tags,
  security,
  summary: 'Your conversations, most recently active first',
  request: {
    params: userParams,
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
  },
  responses: {
    200: jsonContent(z.object({ conversations: z.array(conversationSchema) }), 'Conversations'),
    ...userScopedErrors,
  },
});

export const listMessagesRoute = createRoute({
  method: 'get',
  path: '/api/{user_id}/conversations/{id}/messages',
  tags,
  security,
  summary: 'The messages of a conversation, oldest first',
  request: {
    params: conversationParams,
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
  },
  responses: {
    200: jsonContent(
      z.object({ conversation_id: z.number().int(), messages: z.array(messageSchema) }),
      'Messages',
    ),
    ...userScopedErrors,
    ...notFoundError('conversation'),
  },
});

export const deleteConversationRoute = createRoute({
  method: 'delete',
  path: '/api/{user_id}/conversations/{id}',
  tags,
  security,
  summary: 'Delete a conversation and its messages',
  request: { params: conversationParams },
  responses: {
    200: jsonContent(conversationSchema, 'The deleted conversation'),
    ...userScopedErrors,
    ...notFoundError('conversation'),
  },
});

export const assistantInfoRoute = createRoute({
  method: 'get',
  path: '/api/assistant',
  tags,
  summary: 'Which model provider answers chat',
  responses: {
    200: jsonContent(assistantInfoSchema, 'The provider and model'),
  },
});
