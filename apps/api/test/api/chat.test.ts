// The stateless chat API with the offline engine: the brief's "done means" flow, storage,
// conversations, streaming, and isolation between users.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signUp, type TestApp } from '../helpers.ts';
import { parseSse } from '../sse.ts';

let t: TestApp;
let ann: Client;

beforeAll(async () => {
  t = await createTestApp();
  ann = await signUp(t.app, 'ann');
});
afterAll(() => t.close());

const chat = async (client: Client, message: string, conversationId?: number) => {
  const reply = await client.call('POST', '/api/me/chat', {
    message,
    time_zone: 'Asia/Karachi',
    ...(conversationId ? { conversation_id: conversationId } : {}),
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as {
    conversation_id: number;
    message_id: number;
    response: string;
    tool_calls: { name: string; arguments: Record<string, unknown>; result: unknown }[];
  };
};

describe('managing tasks through chat alone', () => {
  it('adds, lists, completes, renames and deletes, and REST shows exactly those changes', async () => {
    const added = await chat(ann, 'Buy milk tomorrow at 6pm #home');
    expect(added.tool_calls.map((call) => call.name)).toEqual(['add_task']);
    expect(added.response).toMatch(/Buy milk/);
    const conversation = added.conversation_id;

    let tasks = (await ann.call('GET', '/api/me/tasks')).body.tasks;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title: 'Buy milk', tags: ['home'], completed: false });
    const due = new Date(tasks[0].due_at);
    // 6pm in Karachi (UTC+5) is 13:00 UTC, on the day after today there.
    expect(due.getUTCHours()).toBe(13);

    const pending = await chat(ann, "what's pending?", conversation);
    expect(pending.tool_calls[0]).toMatchObject({ name: 'list_tasks' });
    expect(pending.response).toMatch(/Buy milk/);

    await chat(ann, 'add call the bank', conversation);
    const done = await chat(ann, 'I finished buy milk', conversation);
    expect(done.tool_calls.map((call) => call.name)).toContain('complete_task');
    expect(done.response).toMatch(/Buy milk/);

    const renamed = await chat(
      ann,
      'rename call the bank to call the bank about the card',
      conversation,
    );
    expect(renamed.tool_calls.map((call) => call.name)).toContain('update_task');

    tasks = (await ann.call('GET', '/api/me/tasks?sort=title')).body.tasks;
    expect(
      tasks.map((task: { title: string; completed: boolean }) => [
        task.title.toLowerCase(),
        task.completed,
      ]),
    ).toEqual([
      ['buy milk', true],
      ['call the bank about the card', false],
    ]);

    const deleted = await chat(ann, 'delete the bank task', conversation);
    expect(deleted.tool_calls.map((call) => call.name)).toContain('delete_task');
    tasks = (await ann.call('GET', '/api/me/tasks')).body.tasks;
    expect(tasks.map((task: { title: string }) => task.title)).toEqual(['Buy milk']);
  });

  it('resolves "the second one" against the last list shown, turns later', async () => {
    const user = await signUp(t.app, 'positions');
    const first = await chat(user, 'add wash car, pay rent and book flights');
    expect(first.tool_calls.filter((call) => call.name === 'add_task')).toHaveLength(3);
    const id = first.conversation_id;
    const listed = await chat(user, 'show my tasks', id);
    const shown = listed.tool_calls[0]?.result as { id: number; title: string }[];
    await chat(user, 'what can you do?', id);
    const done = await chat(user, 'complete the second one', id);
    const completed = done.tool_calls.find((call) => call.name === 'complete_task');
    expect(completed?.arguments.task_id).toBe(shown[1]?.id);
  });

  it('answers in Urdu when spoken to in Urdu', async () => {
    const user = await signUp(t.app, 'urdu');
    const reply = await chat(user, 'کل شام 5 بجے دودھ خریدنا شامل کرو');
    expect(reply.tool_calls[0]?.name).toBe('add_task');
    expect(reply.response).toMatch(/[\u0600-\u06FF]/);
  });

  it('handles a task that does not exist gracefully', async () => {
    const reply = await chat(ann, 'delete task 99999');
    expect(reply.response).toMatch(/not found|couldn't find|could not find|no task/i);
  });
});

describe('the in-process MCP round trips of a turn', () => {
  const mcpMessages = async (method: string, via: string) => {
    const text = await (await t.app.request('/metrics')).text();
    const line = new RegExp(
      `^mcp_messages_total\\{method="${method}",via="${via}"\\} (\\d+)$`,
      'm',
    );
    return Number(line.exec(text)?.[1] ?? 0);
  };

  it('lists the tools once per turn, not before every model step, and counts them as the assistant', async () => {
    const before = await Promise.all(
      ['tools/list', 'tools/call'].map((m) => mcpMessages(m, 'assistant')),
    );
    const turn = await chat(ann, 'what is pending?');
    expect(turn.tool_calls.map((call) => call.name)).toEqual(['list_tasks']);
    const after = await Promise.all(
      ['tools/list', 'tools/call'].map((m) => mcpMessages(m, 'assistant')),
    );
    // One tools/list and the one call; a second model step used to list them again.
    expect(after.map((count, i) => count - (before[i] ?? 0))).toEqual([1, 1]);
  });

  it('reaches the MCP endpoint past the HTTP middleware, which the chat request went through once', async () => {
    const httpMcpRequests = async () => {
      const text = await (await t.app.request('/metrics')).text();
      return [
        ...text.matchAll(/^http_requests_total\{method="POST",route="\/mcp",[^}]*\} (\d+)$/gm),
      ]
        .map((match) => Number(match[1]))
        .reduce((sum, count) => sum + count, 0);
    };
    const before = await httpMcpRequests();
    await chat(ann, 'what is pending?');
    expect(await httpMcpRequests()).toBe(before);
  });
});

describe('conversations are stored, listed and deleted', () => {
  it('stores each user message and assistant reply with its tool calls', async () => {
    const user = await signUp(t.app, 'history');
    const turn = await chat(user, 'add water plants every monday');
    const { body } = await user.call(
      'GET',
      `/api/me/conversations/${turn.conversation_id}/messages`,
    );
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
    expect(body.messages[0].content).toBe('add water plants every monday');
    expect(body.messages[1].tool_calls[0]).toMatchObject({
      name: 'add_task',
      result: { status: 'created' },
    });
    expect(body.messages[1].tool_calls[0].arguments.recurrence).toMatchObject({
      frequency: 'weekly',
      weekdays: ['mon'],
    });

    const list = await user.call('GET', '/api/me/conversations');
    expect(list.body.conversations).toHaveLength(1);
    expect(list.body.conversations[0]).toMatchObject({
      id: turn.conversation_id,
      title: 'add water plants every monday',
    });

    const deleted = await user.call('DELETE', `/api/me/conversations/${turn.conversation_id}`);
    expect(deleted.status).toBe(200);
    expect(
      (await user.call('GET', `/api/me/conversations/${turn.conversation_id}/messages`)).status,
    ).toBe(404);
    expect((await user.call('GET', '/api/me/conversations')).body.conversations).toEqual([]);
  });

  it('lists the conversation a turn was just added to first, with its new activity time', async () => {
    const user = await signUp(t.app, 'recent');
    const older = await chat(user, 'show my tasks');
    const newer = await chat(user, 'what is pending?');
    const ids = async () =>
      (await user.call('GET', '/api/me/conversations')).body.conversations.map(
        (c: { id: number; updated_at: string }) => [c.id, c.updated_at],
      );
    const before = await ids();
    expect(before.map(([id]: [number]) => id)).toEqual([
      newer.conversation_id,
      older.conversation_id,
    ]);
    await chat(user, 'show my tasks', older.conversation_id);
    const after = await ids();
    expect(after.map(([id]: [number]) => id)).toEqual([
      older.conversation_id,
      newer.conversation_id,
    ]);
    expect(Date.parse(after[0][1])).toBeGreaterThan(Date.parse(before[1][1]));
  });

  it("refuses another user's conversation on every route", async () => {
    const owner = await signUp(t.app, 'owner');
    const intruder = await signUp(t.app, 'intruder');
    const turn = await chat(owner, 'add secret plan');
    const id = turn.conversation_id;
    const attempts = [
      await intruder.call('POST', '/api/me/chat', {
        message: 'show my tasks',
        conversation_id: id,
      }),
      await intruder.call('GET', `/api/me/conversations/${id}/messages`),
      await intruder.call('DELETE', `/api/me/conversations/${id}`),
    ];
    expect(attempts.map((reply) => reply.status)).toEqual([404, 404, 404]);
    expect(attempts[0]?.body.error.code).toBe('conversation_not_found');
    const spoofed = await intruder.call('POST', `/api/${owner.userId}/chat`, {
      message: 'show my tasks',
    });
    expect(spoofed.status).toBe(403);
    expect(
      (await owner.call('GET', `/api/me/conversations/${id}/messages`)).body.messages,
    ).toHaveLength(2);
  });

  it("a prompt naming another user's task id cannot reach it", async () => {
    const owner = await signUp(t.app, 'victim');
    const attacker = await signUp(t.app, 'attacker');
    const { body: task } = await owner.call('POST', '/api/me/tasks', { title: 'Victim task' });
    for (const message of [
      `delete task ${task.id}`,
      `mark task ${task.id} as done`,
      `rename task ${task.id} to pwned`,
      `delete task ${task.id} of user ${owner.userId}`,
    ]) {
      await chat(attacker, message);
    }
    const after = await owner.call('GET', `/api/me/tasks/${task.id}`);
    expect(after.body).toMatchObject({ title: 'Victim task', completed: false });
  });

  it('refuses invalid chat requests with a clear 4xx', async () => {
    const cases = [
      [{ message: '' }, 'message'],
      [{ message: 'x'.repeat(4001) }, 'message'],
      [{ message: 'hi', conversation_id: 0 }, 'conversation_id'],
      [{ message: 'hi', conversation_id: 'abc' }, 'conversation_id'],
      [{ message: 'hi', time_zone: 'Moon/Base' }, 'time_zone'],
      [{ text: 'hi' }, 'message'],
    ] as const;
    for (const [body, field] of cases) {
      const reply = await ann.call('POST', '/api/me/chat', body);
      expect(reply.status, JSON.stringify(body)).toBe(422);
      expect(reply.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });
});

describe('streaming', () => {
  it('streams conversation, tool call, text deltas and a final event', async () => {
    const response = await t.app.request('/api/me/chat/stream', {
      method: 'POST',
      headers: { authorization: `Bearer ${ann.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'add renew passport next friday high priority' }),
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // So that nginx-based ingress controllers pass the stream through unbuffered.
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const events = parseSse(await response.text());
    const names = events.map((event) => event.event);
    expect(names[0]).toBe('conversation');
    expect(names).toContain('tool_call');
    expect(names).toContain('delta');
    expect(names.at(-1)).toBe('done');
    const done = events.at(-1)?.data as { response: string; tool_calls: unknown[] };
    const deltas = events
      .filter((event) => event.event === 'delta')
      .map((event) => (event.data as { text: string }).text);
    expect(deltas.join('')).toBe(done.response);
    const call = events.find((event) => event.event === 'tool_call')?.data as {
      name: string;
      arguments: { priority: string };
    };
    expect(call).toMatchObject({ name: 'add_task', arguments: { priority: 'high' } });
  });

  it('reports an unknown conversation as an error event', async () => {
    const response = await t.app.request('/api/me/chat/stream', {
      method: 'POST',
      headers: { authorization: `Bearer ${ann.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'hi', conversation_id: 424242 }),
    });
    const events = parseSse(await response.text());
    expect(events).toEqual([
      {
        event: 'error',
        data: expect.objectContaining({
          error: expect.objectContaining({ code: 'conversation_not_found' }),
        }),
      },
    ]);
  });
});

describe('concurrency', () => {
  it('concurrent turns from two users never cross', async () => {
    const [a, b] = await Promise.all([signUp(t.app, 'para'), signUp(t.app, 'llel')]);
    await Promise.all(
      Array.from({ length: 6 }, (_, i) => [
        chat(a, `add alpha task ${i}`),
        chat(b, `add beta task ${i}`),
      ]).flat(),
    );
    const aTasks = (await a.call('GET', '/api/me/tasks?limit=200')).body.tasks as {
      title: string;
    }[];
    const bTasks = (await b.call('GET', '/api/me/tasks?limit=200')).body.tasks as {
      title: string;
    }[];
    expect(aTasks).toHaveLength(6);
    expect(bTasks).toHaveLength(6);
    expect(aTasks.every((task) => /^alpha task \d$/i.test(task.title))).toBe(true);
    expect(bTasks.every((task) => /^beta task \d$/i.test(task.title))).toBe(true);
    const aConversations = (await a.call('GET', '/api/me/conversations')).body.conversations;
    expect(aConversations).toHaveLength(6);
  });
});
