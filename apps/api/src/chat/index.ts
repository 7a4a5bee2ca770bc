// Handlers for chat and conversations: HTTP in, a stateless turn or a query, HTTP out.
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { AppError, errorBody } from '../http/errors.ts';
import { type AppEnv, createRouter, type Guard } from '../http/router.ts';
import {
  deleteConversation,
  getConversation,
  listConversations,
  recentMessages,
} from './conversations.ts';
import type { AssistantModel } from './providers.ts';
import {
  assistantInfoRoute,
  chatRoute,
  chatStreamRoute,
  deleteConversationRoute,
  listConversationsRoute,
  listMessagesRoute,
} from './routes.ts';
import { toConversationJson, toMessageJson } from './schemas.ts';
import { AssistantError, type ChatDeps, runChatTurn, type TurnRequest } from './turn.ts';

/** Which model answers chat is no secret: nobody need sign in to ask. */
export function createAssistantRouter(assistant: AssistantModel) {
  const router = createRouter({ auth: 'public', resources: ['assistant'] });
  router.openapi(assistantInfoRoute, (c) =>
    c.json({ provider: assistant.provider, model: assistant.model }, 200),
  );
  return router;
}

export type AssistantRouter = ReturnType<typeof createAssistantRouter>;

export function createChatRouter({ guard, ...deps }: ChatDeps & { guard: Guard }) {
  const router = createRouter({ guard, auth: 'user', resources: ['chat', 'conversations'] });

  router.openapi(chatRoute, async (c) => {
    try {
      const result = await runChatTurn(deps, turnRequest(c, c.req.valid('json')));
      return c.json(result, 200);
    } catch (error) {
      if (!(error instanceof AssistantError)) throw error;
      return c.json(
        {
          ...errorBody(error.code, error.message, undefined, c.get('requestId')),
          conversation_id: error.conversationId,
        },
        error.status as 502 | 504,
      );
    }
  });

  router.openapi(chatStreamRoute, (c) => {
    const request = turnRequest(c, c.req.valid('json'));
    // nginx-based proxies (ingress-nginx, the web image) buffer responses unless told otherwise;
    // with this header the stream passes through any of them without per-controller settings.
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      const send = (event: string, data: unknown) =>
        stream.writeSSE({ event, data: JSON.stringify(data) });
      try {
        const result = await runChatTurn(deps, request, {
          onConversation: (id) => send('conversation', { conversation_id: id }),
          onDelta: (text) => send('delta', { text }),
          onToolCall: (call) => send('tool_call', call),
        });
        await send('done', result);
      } catch (error) {
        // A refusal the user can act on (an unknown conversation, a full one) keeps its words.
        const known =
          error instanceof AssistantError || (error instanceof AppError && error.status < 500);
        if (!known) c.get('logger').error({ err: error }, 'chat stream failed');
        const { code, message } = known
          ? (error as AssistantError)
          : { code: 'internal_error', message: 'Something went wrong on our side.' };
        await send('error', {
          ...errorBody(code, message, undefined, c.get('requestId')),
          ...(error instanceof AssistantError ? { conversation_id: error.conversationId } : {}),
        });
      }
    });
  });

  router.openapi(listConversationsRoute, async (c) => {
    const list = await listConversations(deps.db, c.get('user').id, c.req.valid('query').limit);
    return c.json({ conversations: list.map(toConversationJson) }, 200);
  });

  router.openapi(listMessagesRoute, async (c) => {
    const conversation = await getConversation(deps.db, c.get('user').id, c.req.valid('param').id);
    const messages = await recentMessages(deps.db, conversation, c.req.valid('query').limit);
    return c.json({ conversation_id: conversation.id, messages: messages.map(toMessageJson) }, 200);
  });

  router.openapi(deleteConversationRoute, async (c) => {
    const deleted = await deleteConversation(deps.db, c.get('user').id, c.req.valid('param').id);
    return c.json(toConversationJson(deleted), 200);
  });

  return router;
}

export type ChatRouter = ReturnType<typeof createChatRouter>;

function turnRequest(
  c: Context<AppEnv>,
  body: { conversation_id?: number | undefined; message: string; time_zone?: string | undefined },
): TurnRequest {
  return {
    conversationId: body.conversation_id,
    message: body.message,
    timeZone: body.time_zone ?? 'UTC',
    caller: { user: c.get('user'), authMethod: c.get('authMethod') },
  };
}
