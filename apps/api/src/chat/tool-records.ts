// The record of a turn's tool calls that is stored, returned and replayed: bounded, whatever the
// tools answered. The model sees full results while it works; later turns only need this.
import type { RunItem } from '@openai/agents';
import type { ToolCallRecord } from '../db/schema.ts';

/**
 * Most tasks of one list_tasks result kept: its default page, so the offline engine's lists
 * (which never ask for more) are kept whole and "the second one" still resolves turns later.
 */
export const STORED_LIST_TASKS = 50;
/** Longest string kept from arguments or a result; task titles (≤ 200) fit. */
const STORED_STRING = 300;
/** Most items kept from any other array, and how deep objects are followed. */
const STORED_ARRAY = 20;
const STORED_DEPTH = 4;

/** The fields of a listed task that the user's chips and a later turn read. */
const listedTaskFields = ['id', 'title', 'completed', 'priority', 'tags', 'due_at', 'recurrence'];

/**
 * A bounded copy of one call: a task list keeps each task's id, title, state, priority, tags,
 * due date and recurrence (no descriptions or timestamps); anything else is cut to size.
 * Idempotent, so it also bounds records stored before it existed when they are read.
 */
export function summarizeToolCall(call: ToolCallRecord): ToolCallRecord {
  const args = bound(call.arguments, 0);
  return {
    name: String(call.name).slice(0, 100),
    arguments:
      args && typeof args === 'object' && !Array.isArray(args)
        ? (args as Record<string, unknown>)
        : {},
    result:
      call.name === 'list_tasks' && Array.isArray(call.result)
        ? call.result.slice(0, STORED_LIST_TASKS).map(listedTask)
        : bound(call.result, 0),
  };
}

function listedTask(task: unknown): unknown {
  if (!task || typeof task !== 'object') return bound(task, 1);
  const fields = task as Record<string, unknown>;
  return Object.fromEntries(
    listedTaskFields.filter((key) => key in fields).map((key) => [key, bound(fields[key], 2)]),
  );
}

function bound(value: unknown, depth: number): unknown {
  if (typeof value === 'string') {
    return value.length > STORED_STRING ? `${value.slice(0, STORED_STRING)}…` : value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= STORED_DEPTH) return '…';
  if (Array.isArray(value))
    return value.slice(0, STORED_ARRAY).map((item) => bound(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, STORED_ARRAY)
      .map(([key, item]) => [key.slice(0, 100), bound(item, depth + 1)]),
  );
}

/**
 * Pairs each tool call with its result, in the order the agent made them. A call the turn's
 * budget refused (`refused`) did nothing and is left out: the reply says how many there were.
 */
export class ToolCallCollector {
  readonly #calls = new Map<string, ToolCallRecord>();
  readonly #refused: (output: string) => boolean;

  constructor(refused: (output: string) => boolean = () => false) {
    this.#refused = refused;
  }

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
      if (!call) return undefined;
      const output = outputText((item as { output?: unknown }).output);
      if (this.#refused(output)) {
        this.#calls.delete(raw.callId);
        return undefined;
      }
      const finished = summarizeToolCall({ ...call, result: parseJson(output) });
      this.#calls.set(raw.callId, finished);
      return finished;
    }
    return undefined;
  }

  /** The calls that ran, bounded; one cut off before its result keeps `result: null`. */
  calls(): ToolCallRecord[] {
    return [...this.#calls.values()].map(summarizeToolCall);
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
