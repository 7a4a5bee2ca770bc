// A tiny in-memory stand-in for the five MCP task tools, and a loop that drives the planner.
import { TZDate } from '@date-fns/tz';
import type { AgentInputItem } from '@openai/agents';
import { planTurn } from '../../../src/chat/engine/planner.ts';
import type { PlanLimits, TimeContext, ToolCall } from '../../../src/chat/engine/types.ts';

export interface FakeTask {
  id: number;
  title: string;
  description: string;
  completed: boolean;
  priority: 'none' | 'low' | 'medium' | 'high';
  tags: string[];
  due_at: string | null;
  remind_at: null;
  recurrence: Record<string, unknown> | null;
}

export type Seed = Partial<FakeTask> & { title: string };

export class FakeTasks {
  tasks: FakeTask[] = [];
  readonly ctx: TimeContext;
  #nextId = 1;

  constructor(seed: Seed[], ctx: TimeContext) {
    this.ctx = ctx;
    for (const task of seed) this.#insert(task);
  }

  #insert(seed: Seed): FakeTask {
    const task: FakeTask = {
      description: '',
      completed: false,
      priority: 'none',
      tags: [],
      due_at: null,
      remind_at: null,
      recurrence: null,
      ...seed,
      id: seed.id ?? this.#nextId,
    };
    this.#nextId = Math.max(this.#nextId, task.id) + 1;
    this.tasks.push(task);
    return task;
  }

  #find(id: unknown): FakeTask | undefined {
    return this.tasks.find((task) => task.id === id);
  }

  /** Runs one call the way the MCP server would, returning the output text. */
  run(call: ToolCall): string {
    const args = call.arguments;
    if ('user_id' in args) return 'Error: user_id is not an argument.';
    const notFound = `Error: Task ${String(args.task_id)} was not found.`;
    switch (call.name) {
      case 'add_task': {
        const task = this.#insert({
          title: String(args.title),
          description: (args.description as string) ?? '',
          priority: (args.priority as FakeTask['priority']) ?? 'none',
          tags: (args.tags as string[]) ?? [],
          due_at: args.due ? new Date(String(args.due)).toISOString() : null,
          recurrence: (args.recurrence as FakeTask['recurrence']) ?? null,
        });
        return JSON.stringify({ task_id: task.id, status: 'created', title: task.title });
      }
      case 'list_tasks':
        return JSON.stringify(this.#list(args));
      case 'complete_task': {
        const task = this.#find(args.task_id);
        if (!task) return notFound;
        task.completed = true;
        return JSON.stringify({ task_id: task.id, status: 'completed', title: task.title });
      }
      case 'delete_task': {
        const task = this.#find(args.task_id);
        if (!task) return notFound;
        this.tasks = this.tasks.filter((t) => t !== task);
        return JSON.stringify({ task_id: task.id, status: 'deleted', title: task.title });
      }
      case 'update_task': {
        const task = this.#find(args.task_id);
        if (!task) return notFound;
        const { task_id: _id, due, ...fields } = args;
        Object.assign(task, fields);
        if (due !== undefined)
          task.due_at = due === null ? null : new Date(String(due)).toISOString();
        return JSON.stringify({ task_id: task.id, status: 'updated', title: task.title });
      }
      default:
        return `Error: Unknown tool ${call.name}.`;
    }
  }

  #list(args: Record<string, unknown>): FakeTask[] {
    const zone = this.ctx.timeZone;
    const now = this.ctx.now.getTime();
    const dayKey = (date: Date) => new TZDate(date, zone).toDateString();
    const weekEnd = now + 7 * 24 * 3600 * 1000;
    return this.tasks.filter((task) => {
      const due = task.due_at ? new Date(task.due_at) : null;
      if (args.status === 'pending' && task.completed) return false;
      if (args.status === 'completed' && !task.completed) return false;
      if (args.priority && task.priority !== args.priority) return false;
      if (args.tag && !task.tags.includes(String(args.tag))) return false;
      if (args.q) {
        const q = String(args.q).toLowerCase();
        if (!`${task.title} ${task.description}`.toLowerCase().includes(q)) return false;
      }
      switch (args.due) {
        case 'overdue':
          return !!due && due.getTime() < now && !task.completed;
        case 'today':
          return !!due && dayKey(due) === dayKey(this.ctx.now);
        case 'week':
          return !!due && due.getTime() >= now && due.getTime() <= weekEnd;
        case 'none':
          return !due;
        default:
          return true;
      }
    });
  }
}

export interface TurnResult {
  calls: ToolCall[];
  reply: string;
}

/** Sends one user message through planTurn until it answers, running the calls it makes. */
export function runTurn(
  history: AgentInputItem[],
  text: string,
  store: FakeTasks,
  limits?: PlanLimits,
): TurnResult {
  history.push({ type: 'message', role: 'user', content: text });
  const calls: ToolCall[] = [];
  for (let round = 0; round < 10; round++) {
    const plan = planTurn(history, store.ctx, limits);
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
        output: round % 2 === 0 ? store.run(call) : [{ type: 'input_text', text: store.run(call) }],
      });
    }
  }
  throw new Error(`no reply after 10 rounds for "${text}"`);
}
