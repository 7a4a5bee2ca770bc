// One chat turn, statelessly: load the conversation, store the user's message, run the agent
// against the MCP server as the caller, store the reply. Nothing survives in memory.
import { MCPServerStreamableHttp, type RunItem, Runner } from '@openai/agents';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import type { Conversation, ToolCallRecord } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import type { Caller } from '../http/router.ts';
import { createAssistantAgent } from './agent.ts';
import { addMessage, getConversation, recentMessages, startConversation } from './conversations.ts';
import { type HistoryWindow, toAgentInput } from './history.ts';
import type { AssistantModel } from './providers.ts';

export interface ChatDeps {
  db: Db;
  assistant: AssistantModel;
  /** Reaches this app's own /mcp in-process, acting as `caller`. */
  mcpFetch: (url: string | URL, init: RequestInit | undefined, caller: Caller) => Promise<Response>;
  history: HistoryWindow;
  timeoutMs: number;
  tracing: boolean;
  logger: Logger;
}

export interface TurnRequest {
  conversationId: number | undefined;
  message: string;
  timeZone: string;
  /** The authenticated caller: the tools act as this user and nobody else. */
  caller: Caller;
}

export interface TurnEvents {
  onConversation?(conversationId: number): void | Promise<void>;
  onDelta?(text: string): void | Promise<void>;
  onToolCall?(call: ToolCallRecord): void | Promise<void>;
}

export interface TurnResult {
  conversation_id: number;
  message_id: number;
  response: string;
  tool_calls: ToolCallRecord[];
}

/** The assistant failed after the user's message was stored; the conversation can go on. */
export class AssistantError extends AppError {
  readonly conversationId: number;
  constructor(status: 504 | 502, message: string, conversationId: number) {
    super(status, status === 504 ? 'assistant_timeout' : 'assistant_unavailable', message);
    this.conversationId = conversationId;
  }
}

export async function runChatTurn(
  deps: ChatDeps,
  request: TurnRequest,
  events: TurnEvents = {},
): Promise<TurnResult> {
  const conversation = await openConversation(deps.db, request);
  await events.onConversation?.(conversation.id);
  await addMessage(deps.db, conversation, { role: 'user', content: request.message });
  const input = toAgentInput(
    await recentMessages(deps.db, conversation, deps.history.messages),
    deps.history,
  );

  const mcp = new MCPServerStreamableHttp({
    url: 'http://in-process/mcp',
    name: 'todo',
    fetch: (url: string | URL, init?: RequestInit) => deps.mcpFetch(url, init, request.caller),
  });
  let reply: { text: string; toolCalls: ToolCallRecord[] };
  const signal = AbortSignal.timeout(deps.timeoutMs);
  try {
    await mcp.connect();
    const now = new Date();
    const model = deps.assistant.forTurn({ timeZone: request.timeZone });
    const agent = createAssistantAgent(model, mcp, { now, timeZone: request.timeZone });
    const runner = new Runner({ tracingDisabled: !deps.tracing });
    reply = await runAgent(runner, agent, input, signal, events);
  } catch (error) {
    // A turn that failed because the database went away is an outage (503), not a model failure.
    await deps.db.execute(sql`select 1`);
    throw toAssistantError(error, signal.aborted, conversation.id, deps);
  } finally {
    await mcp.close().catch(() => {});
  }

  const stored = await addMessage(deps.db, conversation, {
    role: 'assistant',
    content: reply.text,
    toolCalls: reply.toolCalls,
  });
  return {
    conversation_id: conversation.id,
    message_id: stored.id,
    response: reply.text,
    tool_calls: reply.toolCalls,
  };
}

function openConversation(db: Db, request: TurnRequest): Promise<Conversation> {
  return request.conversationId === undefined
    ? startConversation(db, request.caller.user.id, request.message)
    : getConversation(db, request.caller.user.id, request.conversationId);
}

type AgentInput = Parameters<Runner['run']>[1];

async function runAgent(
  runner: Runner,
  agent: ReturnType<typeof createAssistantAgent>,
  input: AgentInput,
  signal: AbortSignal,
  events: TurnEvents,
): Promise<{ text: string; toolCalls: ToolCallRecord[] }> {
  const collector = new ToolCallCollector();
  const streamed = Boolean(events.onDelta || events.onToolCall);
  if (!streamed) {
    const result = await runner.run(agent, input, { signal, maxTurns: 10 });
    for (const item of result.newItems) collector.add(item);
    return { text: String(result.finalOutput ?? ''), toolCalls: collector.calls() };
  }
  const stream = await runner.run(agent, input, { stream: true, signal, maxTurns: 10 });
  for await (const event of stream) {
    if (event.type === 'raw_model_stream_event' && event.data.type === 'output_text_delta') {
      await events.onDelta?.(event.data.delta);
    } else if (event.type === 'run_item_stream_event') {
      const finished = collector.add(event.item);
      if (finished) await events.onToolCall?.(finished);
    }
  }
  await stream.completed;
  if (stream.error) throw stream.error;
  return { text: String(stream.finalOutput ?? ''), toolCalls: collector.calls() };
}

/** Pairs each tool call with its result, in the order the agent made them. */
class ToolCallCollector {
  readonly #calls = new Map<string, ToolCallRecord>();

  add(item: RunItem): ToolCallRecord | undefined {
    const raw = item.rawItem as {
      type?: string;
      callId?: string;
      name?: string;
      arguments?: string;
    };
    if (item.type === 'tool_call_item' && raw.type === 'function_call' && raw.callId) {
      this.#calls.set(raw.callId, {
        name: raw.name ?? '',
        arguments: parseJson(raw.arguments ?? '{}') as Record<string, unknown>,
        result: null,
      });
    } else if (item.type === 'tool_call_output_item' && raw.callId) {
      const call = this.#calls.get(raw.callId);
      if (call) {
        call.result = parseJson(outputText((item as { output?: unknown }).output));
        return call;
      }
    }
    return undefined;
  }

  calls(): ToolCallRecord[] {
    return [...this.#calls.values()];
  }
}

function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (Array.isArray(output)) return output.map(outputText).join('');
  if (output && typeof output === 'object' && 'text' in output) return String(output.text);
  return JSON.stringify(output ?? null);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toAssistantError(
  error: unknown,
  deadlinePassed: boolean,
  conversationId: number,
  deps: ChatDeps,
): AssistantError {
  // The HTTP client of a remote model may give up a moment before our own deadline does.
  const timedOut =
    deadlinePassed ||
    (error instanceof Error && /timeout|timed out/i.test(`${error.name} ${error.message}`));
  deps.logger.warn({ err: error, provider: deps.assistant.provider }, 'assistant turn failed');
  return timedOut
    ? new AssistantError(
        504,
        `The assistant did not answer within ${Math.round(deps.timeoutMs / 1000)} seconds. Your message is saved; try again.`,
        conversationId,
      )
    : new AssistantError(
        502,
        `The assistant is unavailable right now (${deps.assistant.provider} model). Your message is saved; try again shortly.`,
        conversationId,
      );
}
