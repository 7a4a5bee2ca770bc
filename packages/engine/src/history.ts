// Reads the SDK's input items as conversation turns and decodes the task tools' outputs.
import type { AgentInputItem } from '@openai/agents';
import type { Recurrence } from '@todo-chatbot/contract';
import { PRIORITIES, type Priority } from '@todo-chatbot/contract/vocabulary';
import type { TaskRecord } from './types.ts';

/** One tool call of a turn with its output, once the SDK has run it. */
export interface Step {
  name: string;
  arguments: Record<string, unknown>;
  output?: string;
}

/** A user message and everything the assistant did in answer to it. */
export interface Turn {
  user: string;
  steps: Step[];
  reply?: string;
}

/** Text of a message or tool output: a string, one content part, or a list of parts. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map(textOf).join('');
  if (content && typeof content === 'object' && 'text' in content) {
    const { text } = content as { text: unknown };
    return typeof text === 'string' ? text : '';
  }
  return '';
}

function parseArguments(raw: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function toTurns(items: AgentInputItem[]): Turn[] {
  const turns: Turn[] = [];
  const byCallId = new Map<string, Step>();
  for (const item of items) {
    const current = turns.at(-1);
    if ('role' in item && item.role === 'user') {
      turns.push({ user: textOf(item.content), steps: [] });
    } else if ('role' in item && item.role === 'assistant' && current) {
      current.reply = textOf(item.content);
    } else if (item.type === 'function_call' && current) {
      const step: Step = { name: item.name, arguments: parseArguments(item.arguments) };
      current.steps.push(step);
      byCallId.set(item.callId, step);
    } else if (item.type === 'function_call_result') {
      const step = byCallId.get(item.callId);
      if (step) step.output = textOf(item.output);
    }
  }
  return turns;
}

/** How many function calls the history holds, so new call ids never repeat old ones. */
export function countFunctionCalls(items: AgentInputItem[]): number {
  return items.filter((item) => item.type === 'function_call').length;
}

export function isToolError(output: string): boolean {
  return /^\s*error\b/i.test(output);
}

/** The error text without its "Error:" prefix. */
export function errorText(output: string): string {
  return output.replace(/^\s*error:?\s*/i, '').trim();
}

/** Tasks from a list_tasks output: a JSON array, or an object holding one under "tasks". */
export function parseTaskList(output: string | undefined): TaskRecord[] | undefined {
  if (output === undefined || isToolError(output)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(output);
  } catch {
    return undefined;
  }
  const list = Array.isArray(value) ? value : (value as { tasks?: unknown } | null)?.tasks;
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((raw): TaskRecord[] => {
    const task = raw as Record<string, unknown>;
    if (typeof task.id !== 'number' || typeof task.title !== 'string') return [];
    return [
      {
        id: task.id,
        title: task.title,
        completed: task.completed === true,
        priority: PRIORITIES.includes(task.priority as Priority)
          ? (task.priority as Priority)
          : 'none',
        tags: Array.isArray(task.tags)
          ? task.tags.filter((t): t is string => typeof t === 'string')
          : [],
        due_at: typeof task.due_at === 'string' ? task.due_at : null,
        recurrence: (task.recurrence as Recurrence | null | undefined) ?? null,
      },
    ];
  });
}

export interface ActionResult {
  task_id: number;
  title: string;
  status?: string;
}

/** The confirmation of add/complete/update/delete, or undefined for an error or odd output. */
export function parseActionResult(output: string | undefined): ActionResult | undefined {
  if (output === undefined || isToolError(output)) return undefined;
  try {
    const value = JSON.parse(output) as Partial<ActionResult> & { id?: number };
    const id = value.task_id ?? value.id;
    if (typeof id !== 'number') return undefined;
    return {
      task_id: id,
      title: typeof value.title === 'string' ? value.title : '',
      status: value.status,
    };
  } catch {
    return undefined;
  }
}
