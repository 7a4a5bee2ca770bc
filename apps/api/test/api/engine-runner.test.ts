// LocalModel through the real Agents SDK Runner, with the app's own MCP server as its tools, the
// way a chat turn runs it.
import { Agent, type AgentInputItem, MCPServerStreamableHttp, Runner, user } from '@openai/agents';
import { LocalModelProvider } from '@todo-chatbot/engine';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KARACHI, NOW } from '../engine/table.ts';
import { type EngineTools, openEngineTools, type Seed } from '../engine/turns.ts';

let tools: EngineTools;
let mcp: MCPServerStreamableHttp | undefined;
beforeAll(async () => {
  tools = await openEngineTools();
});
afterAll(() => tools?.close());
afterEach(async () => {
  await mcp?.close();
  mcp = undefined;
});

async function setup(seed: Seed[] = []) {
  await tools.seed(seed);
  const server = new MCPServerStreamableHttp({
    url: 'http://localhost:8080/mcp',
    name: 'todo',
    fetch: (url: string | URL, init?: RequestInit) => tools.app.app.request(String(url), init),
    requestInit: { headers: { authorization: `Bearer ${tools.user.token}` } },
  });
  mcp = server;
  await server.connect();
  const agent = new Agent({
    name: 'assistant',
    instructions: 'Manage tasks.',
    model: 'local',
    mcpServers: [server],
  });
  const runner = new Runner({
    modelProvider: new LocalModelProvider({ now: () => NOW, timeZone: KARACHI }),
    tracingDisabled: true,
  });
  return { agent, runner };
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
    const { agent, runner } = await setup();
    const result = await runner.run(agent, 'add buy milk tomorrow at 6pm #home');

    expect(result.finalOutput).toBe('Added "Buy milk" (due Sun 22 Nov, 6:00 PM, #home).');
    expect(result.newItems.map((item) => item.type)).toEqual([
      'tool_call_item',
      'tool_call_output_item',
      'message_output_item',
    ]);
    expect(await tools.tasks()).toMatchObject([
      { id: 1, title: 'Buy milk', tags: ['home'], due_at: '2026-11-22T13:00:00.000Z' },
    ]);
  });

  it('streams a multi-step turn and continues the conversation from its history', async () => {
    const { agent, runner } = await setup([{ title: 'Buy milk' }, { title: 'Buy milk powder' }]);
    const first = await streamed(runner, agent, [user('mark the milk task as done')]);
    expect(first.events).toEqual(['tool_called', 'tool_output', 'message_output_created']);
    expect(first.result.finalOutput).toContain('Which one should I mark as done?');
    expect(first.deltas.length).toBeGreaterThan(1);
    expect(first.deltas.join('')).toBe(first.result.finalOutput);

    // list_tasks shows the newest first: the second one is the older "Buy milk".
    const second = await streamed(runner, agent, [...first.result.history, user('2')]);
    expect(second.result.finalOutput).toBe('Done! Marked "Buy milk" as complete.');
    expect((await tools.tasks()).map((task) => task.completed)).toEqual([true, false]);
    const calls = second.result.history.filter((item) => item.type === 'function_call');
    expect(calls.map((item) => item.callId)).toEqual(['call_1', 'call_2']);
  });

  it('answers Urdu in Urdu through the provider, streamed', async () => {
    const { agent, runner } = await setup([{ title: 'دودھ خریدنا' }]);
    const { result } = await streamed(runner, agent, [user('دودھ والا کام حذف کرو')]);
    expect(result.finalOutput).toBe('"دودھ خریدنا" حذف کر دیا گیا۔');
  });
});
