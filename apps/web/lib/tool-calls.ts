// What an assistant tool call did, in words for a chip, and whether the task list must refresh.
import type { ToolCall } from './types';

export interface ToolCallSummary {
  label: string;
  kind: 'added' | 'completed' | 'reopened' | 'updated' | 'deleted' | 'listed' | 'failed' | 'other';
  changesTasks: boolean;
}

const verbs: Record<string, [ToolCallSummary['kind'], string]> = {
  add_task: ['added', 'Added'],
  complete_task: ['completed', 'Completed'],
  update_task: ['updated', 'Updated'],
  delete_task: ['deleted', 'Deleted'],
};

export function summarizeToolCall(call: ToolCall): ToolCallSummary {
  const result = call.result;
  if (typeof result === 'string' && /^error\b/i.test(result)) {
    return { label: result.replace(/^error:?\s*/i, ''), kind: 'failed', changesTasks: false };
  }
  if (call.name === 'list_tasks') {
    const count = Array.isArray(result) ? result.length : undefined;
    const label =
      count === undefined ? 'Looked at your tasks' : `Found ${count} task${count === 1 ? '' : 's'}`;
    return { label, kind: 'listed', changesTasks: false };
  }
  const verb = verbs[call.name];
  if (!verb)
    return { label: `Used ${call.name.replace(/_/g, ' ')}`, kind: 'other', changesTasks: true };
  const details = (result ?? {}) as { title?: string; next_task_id?: number };
  const title = details.title ?? (call.arguments.title as string | undefined);
  let [kind, word] = verb;
  if (call.name === 'update_task' && call.arguments.completed === false) {
    [kind, word] = ['reopened', 'Reopened'];
  }
  const label = title ? `${word} “${title}”` : `${word} a task`;
  const next = details.next_task_id === undefined ? '' : ' · next one scheduled';
  return { label: label + next, kind, changesTasks: true };
}

/** The calls worth a chip: lookups the assistant made only to find a task to change are noise. */
export function visibleToolCalls(calls: ToolCall[]): ToolCall[] {
  const changed = calls.some((call) => summarizeToolCall(call).kind !== 'listed');
  return changed ? calls.filter((call) => summarizeToolCall(call).kind !== 'listed') : calls;
}
