// One streamed chat turn: POST the message, then hand each event to the caller as it arrives.
import { ApiError, apiStream } from './api-client';
import { readSse } from './sse';
import type { ChatReply, ToolCall } from './types';

export interface ChatTurn {
  conversationId?: number;
  message: string;
  timeZone: string;
}

export interface ChatStreamHandlers {
  onConversation?(conversationId: number): void;
  onDelta?(text: string): void;
  onToolCall?(call: ToolCall): void;
}

/** The assistant failed mid-turn; the user's message is stored in `conversationId`. */
export class ChatStreamError extends ApiError {
  readonly conversationId: number | undefined;
  constructor(code: string, message: string, conversationId: number | undefined) {
    super(502, code, message);
    this.conversationId = conversationId;
  }
}

export async function streamChat(
  turn: ChatTurn,
  handlers: ChatStreamHandlers,
  signal?: AbortSignal,
): Promise<ChatReply> {
  const response = await apiStream(
    '/api/me/chat/stream',
    { conversation_id: turn.conversationId, message: turn.message, time_zone: turn.timeZone },
    signal,
  );
  if (!response.body) throw new ChatStreamError('stream_missing', noReply, turn.conversationId);
  let conversationId = turn.conversationId;
  for await (const { event, data } of readSse(response.body)) {
    const payload = JSON.parse(data) as Record<string, unknown>;
    switch (event) {
      case 'conversation':
        conversationId = payload.conversation_id as number;
        handlers.onConversation?.(conversationId);
        break;
      case 'delta':
        handlers.onDelta?.(payload.text as string);
        break;
      case 'tool_call':
        handlers.onToolCall?.(payload as unknown as ToolCall);
        break;
      case 'done':
        return payload as unknown as ChatReply;
      case 'error': {
        const error = payload.error as { code: string; message: string };
        const id = (payload.conversation_id as number | undefined) ?? conversationId;
        throw new ChatStreamError(error.code, error.message, id);
      }
    }
  }
  throw new ChatStreamError('stream_ended', noReply, conversationId);
}

const noReply = 'The reply was cut off. Your message is saved; try again.';
