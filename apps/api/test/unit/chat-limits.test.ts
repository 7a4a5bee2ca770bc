// The pieces that bound a chat turn: its budget, the stored summary of tool results, the
// server's own note when it stopped a turn, and the configuration behind them.
import { describe, expect, it } from 'vitest';
import { stopNote } from '../../src/chat/stop-note.ts';
import { summarizeToolCall } from '../../src/chat/tool-records.ts';
import { TurnBudget } from '../../src/chat/turn-budget.ts';
import { loadConfig } from '../../src/config.ts';

describe('the turn budget', () => {
  it('lets exactly the limits through, adds and other calls alike', () => {
    const budget = new TurnBudget({ toolCalls: 25, newTasks: 20 });
    const adds = Array.from({ length: 30 }, () => budget.claim('add_task'));
    expect(adds.filter((reason) => reason === undefined)).toHaveLength(20);
    expect(adds.at(-1)).toBe('new_tasks');
    const lists = Array.from({ length: 10 }, () => budget.claim('list_tasks'));
    expect(lists.filter((reason) => reason === undefined)).toHaveLength(5);
    expect(lists.at(-1)).toBe('tool_calls');
    expect(budget.refused).toBe(15);
    expect(budget.reached).toBe('new_tasks');
  });
});

describe('the stored summary of a tool call', () => {
  const task = (id: number) => ({
    id,
    user_id: 'u',
    title: `task ${id}`,
    description: 'x'.repeat(4_000),
    completed: false,
    completed_at: null,
    priority: 'high',
    tags: ['home'],
    due_at: '2030-01-01T00:00:00.000Z',
    remind_at: null,
    recurrence: { frequency: 'weekly', weekdays: ['mon'] },
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
  });

  it('keeps what the chips and a later turn read from a list, at most 50 tasks', () => {
    const call = { name: 'list_tasks', arguments: { q: 'task' }, result: [1, 2].map(task) };
    const summary = summarizeToolCall(call);
    expect(summary.result).toEqual([
      {
        id: 1,
        title: 'task 1',
        completed: false,
        priority: 'high',
        tags: ['home'],
        due_at: '2030-01-01T00:00:00.000Z',
        recurrence: { frequency: 'weekly', weekdays: ['mon'] },
      },
      expect.objectContaining({ id: 2 }),
    ]);
    const many = summarizeToolCall({
      ...call,
      result: Array.from({ length: 200 }, (_, i) => task(i)),
    });
    expect(many.result).toHaveLength(50);
    expect(JSON.stringify(many).length).toBeLessThan(10_000);
    expect(summarizeToolCall(many)).toEqual(many);
  });

  it('cuts long strings, long arrays and deep objects in anything else', () => {
    const summary = summarizeToolCall({
      name: 'add_task',
      arguments: { title: 't'.repeat(5_000), tags: Array.from({ length: 100 }, (_, i) => `t${i}`) },
      result: { a: { b: { c: { d: { e: 'deep' } } } } },
    });
    expect(String(summary.arguments.title)).toHaveLength(301);
    expect(summary.arguments.tags).toHaveLength(20);
    expect(summary.result).toEqual({ a: { b: { c: { d: '…' } } } });
    expect(summarizeToolCall(summary)).toEqual(summary);
    const error = summarizeToolCall({ name: 'x', arguments: {}, result: 'Error: nope' });
    expect(error.result).toBe('Error: nope');
  });
});

describe("the server's note on a turn it stopped", () => {
  const calls = [
    { name: 'add_task', arguments: {}, result: { task_id: 1, status: 'created' } },
    { name: 'add_task', arguments: {}, result: 'Error: title: must not be empty' },
    { name: 'complete_task', arguments: {}, result: { task_id: 1, status: 'completed' } },
  ];
  const limits = { toolCalls: 25, newTasks: 20 };

  it('counts only the changes that took effect, in the language of the message', () => {
    expect(stopNote({ reason: 'new_tasks', limits, refused: 3 }, calls, 'add these')).toBe(
      'I stopped at the limit of 20 new tasks per message. Done: 1 task added, 1 completed. Not done: 3 more requests; please send the rest in another message.',
    );
    expect(stopNote({ reason: 'tool_calls', limits, refused: 1 }, calls, 'یہ کام شامل کرو')).toBe(
      'میں ایک پیغام کی حد (25 ٹول کالز) پر رک گیا۔ ہو گیا: 1 کام شامل، 1 مکمل۔ نہیں ہوا: مزید 1 درخواستیں؛ باقی الگ پیغام میں بھیجیں۔',
    );
    expect(stopNote({ reason: 'steps', steps: 10 }, [], 'ye kaam add karo')).toBe(
      'Main 10 steps ke baad ruk gaya, kaam mukammal nahi hua. Ho gaya: koi task change nahi hua. Apni list dekhein aur aasaan request ke saath dobara koshish karein.',
    );
  });
});

describe('configuration of the chat limits', () => {
  it('has defaults a real user never meets, and reads each variable', () => {
    expect(loadConfig({})).toMatchObject({
      chatLimits: {
        toolCallsPerTurn: 25,
        newTasksPerTurn: 20,
        conversationsPerUser: 1_000,
        messagesPerConversation: 10_000,
      },
      mcpBatchMax: 10,
    });
    const config = loadConfig({
      CHAT_TOOL_CALLS_PER_TURN_MAX: '5',
      CHAT_NEW_TASKS_PER_TURN_MAX: '4',
      CONVERSATIONS_PER_USER_MAX: '3',
      MESSAGES_PER_CONVERSATION_MAX: '2',
      MCP_BATCH_MESSAGES_MAX: '1',
    });
    expect(config.chatLimits).toEqual({
      toolCallsPerTurn: 5,
      newTasksPerTurn: 4,
      conversationsPerUser: 3,
      messagesPerConversation: 2,
    });
    expect(config.mcpBatchMax).toBe(1);
    expect(() => loadConfig({ MESSAGES_PER_CONVERSATION_MAX: '1' })).toThrow(
      /MESSAGES_PER_CONVERSATION_MAX/,
    );
    expect(() => loadConfig({ MCP_BATCH_MESSAGES_MAX: '101' })).toThrow(/MCP_BATCH_MESSAGES_MAX/);
  });
});
