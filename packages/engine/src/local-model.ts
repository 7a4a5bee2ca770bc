// The offline engine as an Agents SDK Model, so one Agent/Runner serves it and remote LLMs alike.
import {
  type AgentInputItem,
  type AgentOutputItem,
  type Model,
  type ModelProvider,
  type ModelRequest,
  type ModelResponse,
  type protocol,
  Usage,
} from '@openai/agents';
import { countFunctionCalls } from './history.ts';
import { planTurn } from './planner.ts';
import type { Plan, PlanLimits } from './types.ts';

export interface LocalModelOptions {
  /** The clock; injected so tests and replays are reproducible. Defaults to the system clock. */
  now?: () => Date;
  /** The user's IANA time zone, in which dates are read and shown. Defaults to UTC. */
  timeZone?: string;
  /** The most work one turn may do; beyond it the engine asks instead. Unbounded if unset. */
  limits?: PlanLimits;
}

/** Roughly four characters per token: enough for usage dashboards, free to compute. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function toItems(input: ModelRequest['input']): AgentInputItem[] {
  return typeof input === 'string' ? [{ type: 'message', role: 'user', content: input }] : input;
}

/** Splits a reply into a few word-aligned chunks, the way a streaming model would send it. */
function chunks(text: string, count = 4): string[] {
  const size = Math.max(1, Math.ceil(text.length / count));
  const parts: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const cut = rest.indexOf(' ', size);
    if (cut < 0) break;
    parts.push(rest.slice(0, cut + 1));
    rest = rest.slice(cut + 1);
  }
  if (rest) parts.push(rest);
  return parts;
}

export class LocalModel implements Model {
  readonly #now: () => Date;
  readonly #timeZone: string;
  readonly #limits: PlanLimits | undefined;

  constructor(options: LocalModelOptions = {}) {
    this.#now = options.now ?? (() => new Date());
    this.#timeZone = options.timeZone ?? 'UTC';
    this.#limits = options.limits;
  }

  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    const items = toItems(request.input);
    const plan = planTurn(items, { now: this.#now(), timeZone: this.#timeZone }, this.#limits);
    // Ids count the calls already in the history, so the same history always yields the same ids.
    const seq = countFunctionCalls(items);
    const output = toOutput(plan, seq);
    const inputText = JSON.stringify(items);
    const inputTokens = estimateTokens(inputText);
    const outputTokens = estimateTokens(JSON.stringify(output));
    return {
      responseId: `local_resp_${seq}_${items.length}`,
      output,
      usage: new Usage({
        requests: 1,
        inputTokens,
        outputTokens,
        totalTokens: inputTokens + outputTokens,
      }),
    };
  }

  async *getStreamedResponse(request: ModelRequest): AsyncIterable<protocol.StreamEvent> {
    const response = await this.getResponse(request);
    yield { type: 'response_started' };
    for (const item of response.output) {
      if (item.type !== 'message' || item.role !== 'assistant') continue;
      for (const part of item.content) {
        if (part.type !== 'output_text') continue;
        for (const delta of chunks(part.text)) {
          yield { type: 'output_text_delta', delta };
        }
      }
    }
    yield {
      type: 'response_done',
      response: {
        id: response.responseId ?? 'local_resp',
        usage: {
          requests: 1,
          inputTokens: response.usage.inputTokens,
          outputTokens: response.usage.outputTokens,
          totalTokens: response.usage.totalTokens,
        },
        output: response.output as protocol.StreamEventResponseCompleted['response']['output'],
      },
    };
  }
}

function toOutput(plan: Plan, seq: number): AgentOutputItem[] {
  if (plan.kind === 'reply') {
    return [
      {
        type: 'message',
        id: `local_msg_${seq}`,
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: plan.text }],
      },
    ];
  }
  return plan.calls.map((call, i) => ({
    type: 'function_call',
    id: `local_fc_${seq + i + 1}`,
    callId: `call_${seq + i + 1}`,
    name: call.name,
    status: 'completed',
    arguments: JSON.stringify(call.arguments),
  }));
}

/** Hands out the offline engine whatever model name the agent asks for. */
export class LocalModelProvider implements ModelProvider {
  readonly #options: LocalModelOptions;

  constructor(options: LocalModelOptions = {}) {
    this.#options = options;
  }

  getModel(): Model {
    return new LocalModel(this.#options);
  }
}
