// The offline engine against the real MCP server: one signed-in user on a test app, whose task
// list is seeded through REST and put back between cases, and a loop that drives the planner
// through a turn, running every call it plans as an MCP tool call.
import type { Client as McpClient } from '@modelcontextprotocol/client';
import type { AgentInputItem } from '@openai/agents';
import type { NewTask, Task } from '@todo-chatbot/contract';
import { type PlanLimits, planTurn, type TimeContext, type ToolCall } from '@todo-chatbot/engine';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, vi } from 'vitest';
import { type Client, createTestApp, type Reply, signUp, type TestApp } from '../helpers.ts';
import { connectMcp, toolText } from '../mcp-client.ts';

/** A task to start from: what POST /tasks takes, and whether it is done. */
export type Seed = NewTask & { completed?: boolean };

export interface EngineTools {
  app: TestApp;
  user: Client;
  /** Empties the task list, restarts ids at 1 and creates `seed` in order through REST. */
  seed(seed: Seed[]): Promise<void>;
  /** Puts the task list back as `seed` left it, ids and all: a copy, far quicker than REST. */
  restore(): Promise<void>;
  /** Runs one planned call as an MCP tool call; the text the model would read back. */
  run(call: ToolCall): Promise<string>;
  /** The task as REST shows it, or undefined once it is gone. */
  task(id: number): Promise<Task | undefined>;
  tasks(): Promise<Task[]>;
  close(): Promise<void>;
}

/**
 * Stops the clock at `now` for the rest of the file (Date only; timers run): the tools judge
 * "overdue", "today" and repetitions by the same instant the engine reads the user's words at.
 * Undo it with vi.useRealTimers() once the file is done.
 */
export function stopClockAt(now: Date): void {
  vi.useFakeTimers({ toFake: ['Date'], now });
}

/**
 * For the whole file: the clock stopped at `now` and the tools opened with `seed`; `tools()`
 * gives them to each test. Both are undone after the file, then `after` runs.
 */
export function useEngineTools(now: Date, seed: Seed[], after?: () => void): () => EngineTools {
  let tools: EngineTools | undefined;
  beforeAll(async () => {
    stopClockAt(now);
    tools = await openEngineTools();
    await tools.seed(seed);
  });
  afterAll(async () => {
    await tools?.close();
    vi.useRealTimers();
    after?.();
  });
  return () => {
    if (!tools) throw new Error('the engine tools are opened in beforeAll');
    return tools;
  };
}

/** A signed-in user of a fresh test app, and the five MCP tools acting for them. */
export async function openEngineTools(): Promise<EngineTools> {
  const app = await createTestApp();
  const user = await signUp(app.app, 'engine');
  const mcp: McpClient = await connectMcp(app.app, user.token);
  const tasksPath = `/api/${user.userId}/tasks`;
  const execute = (query: SQL) => app.database.db.execute(query);
  const expectStatus = async (reply: Promise<Reply>, status: number): Promise<Task> => {
    const { status: got, body } = await reply;
    if (got !== status) throw new Error(`seeding: ${got} ${JSON.stringify(body)}`);
    return body;
  };
  return {
    app,
    user,
    async seed(seed) {
      // The utterances name tasks by id ("complete task 3"), so the seed starts from id 1.
      await execute(sql`truncate table tasks restart identity`);
      for (const { completed, ...fields } of seed) {
        const task = await expectStatus(user.call('POST', tasksPath, fields), 201);
        if (completed) {
          await expectStatus(user.call('PATCH', `${tasksPath}/${task.id}`, { completed }), 200);
        }
      }
      await execute(sql`drop table if exists engine_seed`);
      await execute(sql`create table engine_seed as select * from tasks`);
    },
    async restore() {
      // delete rather than truncate: for ten rows, several times quicker on both engines.
      await execute(sql`delete from tasks`);
      await execute(sql`insert into tasks overriding system value select * from engine_seed`);
      await execute(
        sql`select setval(pg_get_serial_sequence('tasks', 'id'), coalesce(max(id), 0) + 1, false) from tasks`,
      );
    },
    async run(call) {
      return toolText(await mcp.callTool({ name: call.name, arguments: call.arguments }));
    },
    async task(id) {
      const reply = await user.call('GET', `${tasksPath}/${id}`);
      return reply.status === 404 ? undefined : (reply.body as Task);
    },
    async tasks() {
      const reply = await user.call(
        'GET',
        `${tasksPath}?status=all&limit=200&sort=created&order=asc`,
      );
      return (reply.body as { tasks: Task[] }).tasks;
    },
    async close() {
      await mcp.close();
      await app.close();
    },
  };
}

export interface TurnResult {
  calls: ToolCall[];
  reply: string;
}

/** Sends one user message through planTurn until it answers, running the calls it makes. */
export async function runTurn(
  history: AgentInputItem[],
  text: string,
  tools: Pick<EngineTools, 'run'>,
  ctx: TimeContext,
  limits?: PlanLimits,
): Promise<TurnResult> {
  history.push({ type: 'message', role: 'user', content: text });
  const calls: ToolCall[] = [];
  for (let round = 0; round < 10; round++) {
    const plan = planTurn(history, ctx, limits);
    if (plan.kind === 'reply') {
      history.push({
        type: 'message',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: plan.text }],
      });
      return { calls, reply: plan.text };
    }
    for (const call of plan.calls) {
      const callId = `call_${calls.length + 1}_${history.length}`;
      calls.push(call);
      const output = await tools.run(call);
      history.push({
        type: 'function_call',
        callId,
        name: call.name,
        status: 'completed',
        arguments: JSON.stringify(call.arguments),
      });
      history.push({
        type: 'function_call_result',
        callId,
        name: call.name,
        status: 'completed',
        // The SDK hands MCP text back as content parts; the engine must read both forms.
        output: round % 2 === 0 ? output : [{ type: 'input_text', text: output }],
      });
    }
  }
  throw new Error(`no reply after 10 rounds for "${text}"`);
}
