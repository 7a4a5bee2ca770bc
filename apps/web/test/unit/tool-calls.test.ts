import { describe, expect, it } from 'vitest';
import { summarizeToolCall, visibleToolCalls } from '../../lib/tool-calls';

const call = (name: string, result: unknown, args: Record<string, unknown> = {}) => ({
  name,
  arguments: args,
  result,
});

describe('summarizeToolCall', () => {
  it('says what changed and that the list must refresh', () => {
    expect(
      summarizeToolCall(call('add_task', { task_id: 1, status: 'created', title: 'Buy milk' })),
    ).toEqual({ label: 'Added “Buy milk”', kind: 'added', changesTasks: true });
    expect(
      summarizeToolCall(
        call('complete_task', { task_id: 1, status: 'completed', title: 'Water', next_task_id: 2 }),
      ).label,
    ).toBe('Completed “Water” · next one scheduled');
    expect(summarizeToolCall(call('delete_task', { title: 'Old' })).kind).toBe('deleted');
  });

  it('tells reopening apart from other updates', () => {
    const reopened = call('update_task', { title: 'Milk' }, { task_id: 1, completed: false });
    expect(summarizeToolCall(reopened).label).toBe('Reopened “Milk”');
    expect(summarizeToolCall(call('update_task', { title: 'Milk' })).label).toBe('Updated “Milk”');
  });

  it('counts lookups without refreshing the list', () => {
    expect(summarizeToolCall(call('list_tasks', [{}, {}]))).toEqual({
      label: 'Found 2 tasks',
      kind: 'listed',
      changesTasks: false,
    });
  });

  it('shows a tool error in words and changes nothing', () => {
    expect(summarizeToolCall(call('complete_task', 'Error: Task 42 was not found.'))).toEqual({
      label: 'Task 42 was not found.',
      kind: 'failed',
      changesTasks: false,
    });
  });
});

describe('visibleToolCalls', () => {
  it('hides the lookups made on the way to a change', () => {
    const lookup = call('list_tasks', []);
    const done = call('complete_task', { title: 'Eggs' });
    expect(visibleToolCalls([lookup, done])).toEqual([done]);
    expect(visibleToolCalls([lookup])).toEqual([lookup]);
  });
});
