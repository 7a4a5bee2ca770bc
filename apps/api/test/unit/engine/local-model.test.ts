// LocalModel through the real Agents SDK Runner, with function tools standing in for MCP.
import { Agent, type AgentInputItem, Runner, tool, user } from '@openai/agents';
import { describe, expect, it } from 'vitest';
import { LocalModel, LocalModelProvider } from '../../../src/chat/engine/index.ts';
import { FakeTasks, type Seed } from './fake-tools.ts';
import { KARACHI, NOW } from './table.ts';

const toolNames = ['add_task', 'list_tasks', 'complete_task', 'delete_task', 'update_task'];
const options = { now: () => NOW, timeZone: KARACHI };

function setup(seed: Seed[] = []) {
  const store = new FakeTasks(seed, { now: NOW, timeZone: KARACHI });
  const tools = toolNames.map((name) =>
    tool({
      name,
      description: `${name} backed by an in-memory list`,
      parameters: { type: 'object', properties: {}, required: [], additionalProperties: true },
      strict: false,
      execute: async (input) => store.run({ name, arguments: input as Record<string, unknown> }),
    }),
  );
  const agent = new Agent({
    name: 'assistant',
    instructions: 'Manage tasks.',
    model: 'local',
    tools,
  });
  const runner = new Runner({
    modelProvider: new LocalModelProvider(options),
    tracingDisabled: true,
  });
  return { store, agent, runner };
}

async function streamed(runner: Runner, agent: Agent, input: AgentInputItem[]) {
  const result = await runner.run(agent, input, { stream: true });
  const deltas: string[] = [];
  const events: string[] = [];
  for await (const event of result) {
    if (event.type === 'raw_model_stream_event' && event.data.type === 'output_text_delta') {
      deltas.push(event.data.delta);
    }
    if (event.type === 'run_item_stream_event') events.push(event.name);
  }
  await result.completed;
  return { result, deltas, events };
}

describe('LocalModel with the Agents SDK Runner', () => {
  it('calls a tool and confirms, not streamed', async () => {
    const { store, agent, runner } = setup();
    const result = await runner.run(agent, 'add buy milk tomorrow at 6pm #home');

    expect(result.finalOutput).toBe('Added "Buy milk" (due Sun 22 Nov, 6:00 PM, #home).');
    expect(result.newItems.map((item) => item.type)).toEqual([
      'tool_call_item',
      'tool_call_output_item',
      'message_output_item',
    ]);
    expect(store.tasks).toMatchObject([
      { id: 1, title: 'Buy milk', tags: ['home'], due_at: '2026-11-22T13:00:00.000Z' },
    ]);
  });

  it('streams a multi-step turn and continues the conversation from its history', async () => {
    const { store, agent, runner } = setup([{ title: 'Buy milk' }, { title: 'Buy milk powder' }]);
    const first = await streamed(runner, agent, [user('mark the milk task as done')]);
    expect(first.events).toEqual(['tool_called', 'tool_output', 'message_output_created']);
    expect(first.result.finalOutput).toContain('Which one should I mark as done?');
    expect(first.deltas.length).toBeGreaterThan(1);
    expect(first.deltas.join('')).toBe(first.result.finalOutput);

    const second = await streamed(runner, agent, [...first.result.history, user('2')]);
    expect(second.result.finalOutput).toBe('Done! Marked "Buy milk powder" as complete.');
    expect(store.tasks.map((task) => task.completed)).toEqual([false, true]);
    const calls = second.result.history.filter((item) => item.type === 'function_call');
    expect(calls.map((item) => item.callId)).toEqual(['call_1', 'call_2']);
  });

  it('answers Urdu in Urdu through the provider, streamed', async () => {
    const { agent, runner } = setup([{ title: 'دودھ خریدنا' }]);
    const { result } = await streamed(runner, agent, [user('دودھ والا کام حذف کرو')]);
    expect(result.finalOutput).toBe('"دودھ خریدنا" حذف کر دیا گیا۔');
  });
});

describe('LocalModel.getResponse', () => {
  const request = (input: string | AgentInputItem[]) => ({
    input,
    modelSettings: {},
    tools: [],
    outputType: 'text' as const,
    handoffs: [],
    tracing: false as const,
  });

  it('gives the same output, ids and usage for the same history', async () => {
    const model = new LocalModel(options);
    const history: AgentInputItem[] = [user('add call mom tomorrow and pay rent on friday')];
    const a = await model.getResponse(request(history));
    const b = await model.getResponse(request(history));
    expect(a).toEqual(b);
    expect(a.output).toMatchObject([
      { type: 'function_call', callId: 'call_1', name: 'add_task' },
      { type: 'function_call', callId: 'call_2', name: 'add_task' },
    ]);
    expect(a.usage.requests).toBe(1);
    expect(a.usage.totalTokens).toBe(a.usage.inputTokens + a.usage.outputTokens);
  });

  it('accepts a plain string input and defaults to UTC', async () => {
    const model = new LocalModel({ now: () => NOW });
    const response = await model.getResponse(request('add pay bills tomorrow at 9am'));
    expect(response.output).toMatchObject([
      { arguments: JSON.stringify({ title: 'Pay bills', due: '2026-11-22T09:00:00Z' }) },
    ]);
  });
});
