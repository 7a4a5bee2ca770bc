// One chat turn, statelessly: load the conversation, store the user's message, run the agent
// against the MCP server as the caller, store the reply. Nothing survives in memory.
import { Runner } from '@openai/agents';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { ChatLimits } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Conversation, ToolCallRecord } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import type { Caller } from '../http/router.ts';
import { createAssistantAgent } from './agent.ts';
import {
  addMessage,
  addUserMessage,
  getConversation,
  recentMessages,
  startConversation,
} from './conversations.ts';
import { type HistoryWindow, toAgentInput } from './history.ts';
import type { AssistantModel } from './providers.ts';
import { type Stop, stopNote } from './stop-note.ts';
import { ToolCallCollector } from './tool-records.ts';
import { BudgetedMcpServer, isRefusal, TurnBudget } from './turn-budget.ts';

/** Model calls in one turn; a model that keeps calling tools is stopped here. */
const MAX_MODEL_CALLS = 10;

export interface ChatDeps {
  db: Db;
  assistant: AssistantModel;
  /** Reaches this app's own /mcp in-process, acting as `caller`. */
  mcpFetch: (url: string | URL, init: RequestInit | undefined, caller: Caller) => Promise<Response>;
  history: HistoryWindow;
  limits: ChatLimits;
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
  const conversation = await openConversation(deps, request);
  await events.onConversation?.(conversation.id);
  await addUserMessage(deps.db, conversation, request.message, deps.limits.messagesPerConversation);
  const input = toAgentInput(
    await recentMessages(deps.db, conversation, deps.history.messages),
    deps.history,
  );

  const budget = new TurnBudget({
    toolCalls: deps.limits.toolCallsPerTurn,
    newTasks: deps.limits.newTasksPerTurn,
  });
  const mcp = new BudgetedMcpServer(
    {
      url: 'http://in-process/mcp',
      name: 'todo',
      fetch: (url: string | URL, init?: RequestInit) => deps.mcpFetch(url, init, request.caller),
    },
    budget,
  );
  let reply: { text: string; toolCalls: ToolCallRecord[] };
  const signal = AbortSignal.timeout(deps.timeoutMs);
  try {
    await mcp.connect();
    const now = new Date();
    const model = deps.assistant.forTurn({ timeZone: request.timeZone, limits: budget.limits });
    const agent = createAssistantAgent(model, mcp, { now, timeZone: request.timeZone });
    const runner = new Runner({ tracingDisabled: !deps.tracing });
    reply = await runAgent(runner, agent, { input, signal, events, budget, request });
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

function openConversation(deps: ChatDeps, request: TurnRequest): Promise<Conversation> {
  const userId = request.caller.user.id;
  return request.conversationId === undefined
    ? startConversation(deps.db, userId, request.message, deps.limits.conversationsPerUser)
    : getConversation(deps.db, userId, request.conversationId);
}

type AgentInput = Parameters<Runner['run']>[1];

interface RunOptions {
  input: AgentInput;
  signal: AbortSignal;
  events: TurnEvents;
  budget: TurnBudget;
  request: TurnRequest;
}

/**
 * Runs the agent and returns the reply with the calls that ran. When the turn was cut short
 * (calls refused by the budget, or too many model calls), the server itself says what was done.
 */
async function runAgent(
  runner: Runner,
  agent: ReturnType<typeof createAssistantAgent>,
  { input, signal, events, budget, request }: RunOptions,
): Promise<{ text: string; toolCalls: ToolCallRecord[] }> {
  const collector = new ToolCallCollector(isRefusal);
  let stop: Stop | undefined;
  const options = {
    signal,
    maxTurns: MAX_MODEL_CALLS,
    errorHandlers: {
      maxTurns: () => {
        stop = { reason: 'steps', steps: MAX_MODEL_CALLS };
        return { finalOutput: '', includeInHistory: false };
      },
    },
  };
  let text: string;
  if (!(events.onDelta || events.onToolCall)) {
    const result = await runner.run(agent, input, options);
    for (const item of result.newItems) collector.add(item);
    text = String(result.finalOutput ?? '');
  } else {
    const stream = await runner.run(agent, input, { ...options, stream: true });
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
    text = stop ? '' : String(stream.finalOutput ?? '');
  }
  if (!stop && budget.reached) {
    stop = { reason: budget.reached, limits: budget.limits, refused: budget.refused };
  }
  const toolCalls = collector.calls();
  if (!stop) return { text, toolCalls };
  const note = stopNote(stop, toolCalls, request.message);
  const separator = text ? '\n\n' : '';
  await events.onDelta?.(separator + note);
  return { text: text + separator + note, toolCalls };
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
