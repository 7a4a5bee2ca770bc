// The work one chat turn may do, whichever model drives it: every tool call the agent makes goes
// through this in-process MCP client, so one bound holds for the offline engine and remote LLMs.
import { type CallToolResult, MCPServerStreamableHttp } from '@openai/agents';

export interface TurnLimits {
  /** Tool calls of any kind in one turn. */
  toolCalls: number;
  /** add_task calls in one turn: each creates a task. */
  newTasks: number;
}

export type LimitReached = 'tool_calls' | 'new_tasks';

/** How a refused call's output starts: the collector leaves such calls out of the record. */
const REFUSED = 'Error: Not done, limit reached.';

export const isRefusal = (output: string) => output.startsWith(REFUSED);

/**
 * Counts a turn's tool calls as the agent asks for them. Each claim runs to completion before
 * the next (one JavaScript thread), so calls the SDK runs in parallel cannot pass the bound
 * together: exactly `toolCalls` calls, and `newTasks` of them adds, run at most.
 */
export class TurnBudget {
  readonly limits: TurnLimits;
  #calls = 0;
  #newTasks = 0;
  /** Calls refused because a limit was reached, and the first limit that was. */
  refused = 0;
  reached: LimitReached | undefined;

  constructor(limits: TurnLimits) {
    this.limits = limits;
  }

  claim(toolName: string): LimitReached | undefined {
    const adds = toolName === 'add_task';
    const reason: LimitReached | undefined =
      this.#calls >= this.limits.toolCalls
        ? 'tool_calls'
        : adds && this.#newTasks >= this.limits.newTasks
          ? 'new_tasks'
          : undefined;
    if (reason) {
      this.refused += 1;
      this.reached ??= reason;
      return reason;
    }
    this.#calls += 1;
    if (adds) this.#newTasks += 1;
    return undefined;
  }
}

/** What the model reads for a refused call: it must stop and say what was done. */
function refusalText(reason: LimitReached, limits: TurnLimits): string {
  const limit =
    reason === 'new_tasks'
      ? `${limits.newTasks} new tasks per message`
      : `${limits.toolCalls} tool calls per message`;
  return `${REFUSED} This message may make at most ${limit}; this call did nothing. Call no more tools: tell the user exactly what was done, and ask them to send the rest in another message.`;
}

type Options = ConstructorParameters<typeof MCPServerStreamableHttp>[0];

/** The MCP client of one turn, refusing calls beyond its budget before they reach the server. */
export class BudgetedMcpServer extends MCPServerStreamableHttp {
  readonly #budget: TurnBudget;
  #tools: Awaited<ReturnType<MCPServerStreamableHttp['listTools']>> | undefined;

  constructor(options: Options, budget: TurnBudget) {
    super(options);
    this.#budget = budget;
  }

  /**
   * The tools, listed once per turn. The SDK lists them before every model step, and its own
   * cache (cacheToolsList) needs an MCP session, which the stateless server never opens.
   */
  override async listTools(): ReturnType<MCPServerStreamableHttp['listTools']> {
    this.#tools ??= await super.listTools();
    return this.#tools;
  }

  // callTool() goes through callToolResult(), so this one override covers both.
  override async callToolResult(
    ...args: Parameters<MCPServerStreamableHttp['callToolResult']>
  ): Promise<CallToolResult> {
    const reason = this.#budget.claim(args[0]);
    if (reason) {
      return {
        content: [{ type: 'text', text: refusalText(reason, this.#budget.limits) }],
        isError: true,
      };
    }
    return super.callToolResult(...args);
  }
}
