// The agent with other models: a ScriptedModel, a real OpenAI-compatible HTTP endpoint, and
// models that fail or time out.
import type { Model } from '@openai/agents';
import { assistantMessage, functionCall, ScriptedModel } from '@openai/agents/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssistantModel } from '../../src/chat/providers.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../fake-openai.ts';
import { createTestApp, signUp, type TestApp } from '../helpers.ts';
import { parseSse } from '../sse.ts';

let t: TestApp | undefined;
let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await t?.close();
  await fake?.close();
  t = undefined;
  fake = undefined;
});

const custom = (model: Model): AssistantModel => ({
  provider: 'custom',
  model: 'scripted',
  forTurn: () => model,
});

describe('the agent with a scripted model', () => {
  it('runs tool calls through MCP as the signed-in user and stores the reply', async () => {
    const model = new ScriptedModel([
      [functionCall('add_task', { title: 'Scripted task', priority: 'low' }, { callId: 'c1' })],
      [functionCall('list_tasks', { status: 'pending' }, { callId: 'c2' })],
      [assistantMessage('Added it; you have one pending task.')],
    ]);
    t = await createTestApp({ assistant: custom(model) });
    const user = await signUp(t.app, 'scripted');
    const reply = await user.call('POST', '/api/me/chat', { message: 'please add it' });
    expect(reply.status).toBe(200);
    expect(reply.body.response).toBe('Added it; you have one pending task.');
    expect(reply.body.tool_calls.map((call: { name: string }) => call.name)).toEqual([
      'add_task',
      'list_tasks',
    ]);
    expect(reply.body.tool_calls[0].result).toMatchObject({
      status: 'created',
      title: 'Scripted task',
    });
    model.assertComplete();
    // The agent saw the MCP tools and the user's message.
    expect(model.firstCall?.request.tools.map((tool) => tool.name).sort()).toEqual([
      'add_task',
      'complete_task',
      'delete_task',
      'list_tasks',
      'update_task',
    ]);
    const tasks = (await user.call('GET', '/api/me/tasks')).body.tasks;
    expect(tasks).toMatchObject([
      { title: 'Scripted task', priority: 'low', user_id: user.userId },
    ]);
  });

  it("a model that asks for another user's id is refused by the tool", async () => {
    const model = new ScriptedModel([
      [functionCall('list_tasks', { user_id: 'someone-else' }, { callId: 'c1' })],
      [assistantMessage('I could not do that.')],
    ]);
    t = await createTestApp({ assistant: custom(model) });
    const user = await signUp(t.app, 'spoof');
    const reply = await user.call('POST', '/api/me/chat', { message: 'show bob his tasks' });
    expect(reply.body.tool_calls[0].result).toMatch(/user_id does not match the signed-in user/);
  });

  it('replays earlier turns, tool calls included, as the next request input', async () => {
    const model = new ScriptedModel([
      [functionCall('add_task', { title: 'Remember me' }, { callId: 'c1' })],
      [assistantMessage('Added.')],
      [assistantMessage('Still here.')],
    ]);
    t = await createTestApp({ assistant: custom(model) });
    const user = await signUp(t.app, 'replay');
    const first = await user.call('POST', '/api/me/chat', { message: 'add remember me' });
    await user.call('POST', '/api/me/chat', {
      message: 'and now?',
      conversation_id: first.body.conversation_id,
    });
    const input = model.lastCall?.request.input as {
      type?: string;
      role?: string;
      name?: string;
    }[];
    expect(input.map((item) => item.type ?? item.role)).toEqual([
      'user',
      'function_call',
      'function_call_result',
      'assistant',
      'user',
    ]);
  });
});

describe('failures keep the user message', () => {
  it('a failing model gives a clear 502 and the message stays stored', async () => {
    const failing: Model = {
      getResponse: async () => {
        throw new Error('model exploded');
      },
      // biome-ignore lint/correctness/useYield: fails before yielding, like a broken provider
      async *getStreamedResponse() {
        throw new Error('model exploded');
      },
    };
    t = await createTestApp({ assistant: custom(failing) });
    const user = await signUp(t.app, 'fail');
    const reply = await user.call('POST', '/api/me/chat', { message: 'add something' });
    expect(reply.status).toBe(502);
    expect(reply.body.error.code).toBe('assistant_unavailable');
    expect(reply.body.error.message).toMatch(/Your message is saved/);
    expect(JSON.stringify(reply.body)).not.toMatch(/exploded/);
    const messages = await user.call(
      'GET',
      `/api/me/conversations/${reply.body.conversation_id}/messages`,
    );
    expect(messages.body.messages).toMatchObject([{ role: 'user', content: 'add something' }]);
  });

  it('a model slower than LLM_TIMEOUT_MS gives 504', async () => {
    fake = await startFakeOpenAI(() => ({ status: 200, delayMs: 5_000 }));
    t = await createTestApp({
      env: { LLM_PROVIDER: 'openai', OPENAI_BASE_URL: fake.baseUrl, LLM_TIMEOUT_MS: '1000' },
    });
    const user = await signUp(t.app, 'slow');
    const started = Date.now();
    const reply = await user.call('POST', '/api/me/chat', { message: 'add something slowly' });
    expect(reply.status).toBe(504);
    expect(reply.body.error.code).toBe('assistant_timeout');
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});

describe('the openai provider against a local OpenAI-compatible server', () => {
  const script = (request: { messages: { role: string }[] }) =>
    request.messages.some((message) => message.role === 'tool')
      ? { text: 'I added "Buy bread" for you.' }
      : { toolCall: { name: 'add_task', arguments: { title: 'Buy bread', tags: ['home'] } } };

  it('sends the MCP tools over real HTTP, runs the tool call and returns the final text', async () => {
    fake = await startFakeOpenAI(script);
    t = await createTestApp({
      env: {
        LLM_PROVIDER: 'openai',
        OPENAI_BASE_URL: fake.baseUrl,
        OPENAI_API_KEY: 'sk-local',
        LLM_MODEL: 'llama3.1',
      },
    });
    const user = await signUp(t.app, 'openai');
    const reply = await user.call('POST', '/api/me/chat', { message: 'add buy bread' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.response).toBe('I added "Buy bread" for you.');
    expect(reply.body.tool_calls).toMatchObject([
      { name: 'add_task', result: { status: 'created' } },
    ]);
    expect(fake.requests).toHaveLength(2);
    const [first] = fake.requests;
    expect(first?.authorization).toBe('Bearer sk-local');
    expect(first?.body.model).toBe('llama3.1');
    expect(first?.body.tools?.map((tool) => tool.function.name).sort()).toEqual([
      'add_task',
      'complete_task',
      'delete_task',
      'list_tasks',
      'update_task',
    ]);
    expect(first?.body.messages[0]).toMatchObject({ role: 'system' });
    expect((await user.call('GET', '/api/me/tasks')).body.tasks).toMatchObject([
      { title: 'Buy bread', tags: ['home'] },
    ]);
    const info = await user.call('GET', '/api/assistant');
    expect(info.body).toEqual({ provider: 'openai', model: 'llama3.1' });
  });

  it('streams through the same provider', async () => {
    fake = await startFakeOpenAI(script);
    t = await createTestApp({ env: { LLM_PROVIDER: 'openai', OPENAI_BASE_URL: fake.baseUrl } });
    const user = await signUp(t.app, 'openai-stream');
    const response = await t.app.request('/api/me/chat/stream', {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'add buy bread' }),
    });
    const events = parseSse(await response.text());
    expect(events.map((event) => event.event)).toEqual(
      expect.arrayContaining(['conversation', 'tool_call', 'delta', 'done']),
    );
    expect(events.at(-1)?.data).toMatchObject({ response: 'I added "Buy bread" for you.' });
    expect(fake.requests.every((request) => request.body.stream === true)).toBe(true);
  });

  it('a provider error becomes a 502 with the message kept', async () => {
    fake = await startFakeOpenAI(() => ({ status: 500 }));
    t = await createTestApp({ env: { LLM_PROVIDER: 'openai', OPENAI_BASE_URL: fake.baseUrl } });
    const user = await signUp(t.app, 'openai-down');
    const reply = await user.call('POST', '/api/me/chat', { message: 'add buy bread' });
    expect(reply.status).toBe(502);
    const messages = await user.call(
      'GET',
      `/api/me/conversations/${reply.body.conversation_id}/messages`,
    );
    expect(messages.body.messages).toHaveLength(1);
  });
});
