// Bounds on what one user's chat keeps: conversations per user, messages per conversation
// (race-safe, existing data readable), and the size of the tool results each message stores.
import { afterEach, describe, expect, it } from 'vitest';
import { conversations, messages } from '../../src/db/schema.ts';
import { createTestApp, signUp, type TestApp } from '../helpers.ts';
import { parseSse } from '../sse.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function only<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined || rows.length !== 1)
    throw new Error(`expected one row, got ${rows.length}`);
  return row;
}

describe('caps on conversations and messages', () => {
  it('refuses a new conversation beyond CONVERSATIONS_PER_USER_MAX, even when asked at once', async () => {
    t = await createTestApp({ env: { CONVERSATIONS_PER_USER_MAX: '3' } });
    const user = await signUp(t.app, 'talker');
    const other = await signUp(t.app, 'other');
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => user.call('POST', '/api/me/chat', { message: 'hi' })),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 200, 200, 409, 409, 409]);
    const refused = replies.find((reply) => reply.status === 409);
    expect(refused?.body.error).toMatchObject({
      code: 'conversation_limit_reached',
      message:
        'You have 3 conversations, the most one account can keep. Delete some old ones to start a new one.',
    });
    const list = (await user.call('GET', '/api/me/conversations')).body.conversations;
    expect(list).toHaveLength(3);
    // Existing conversations go on; the cap is per user; deleting one makes room.
    const [first] = list as { id: number }[];
    const more = await user.call('POST', '/api/me/chat', {
      message: 'hi',
      conversation_id: first?.id,
    });
    expect(more.status).toBe(200);
    expect((await other.call('POST', '/api/me/chat', { message: 'hi' })).status).toBe(200);
    await user.call('DELETE', `/api/me/conversations/${first?.id}`);
    expect((await user.call('POST', '/api/me/chat', { message: 'hi' })).status).toBe(200);
  });

  it('refuses a turn beyond MESSAGES_PER_CONVERSATION_MAX; what is stored stays readable', async () => {
    t = await createTestApp({ env: { MESSAGES_PER_CONVERSATION_MAX: '5' } });
    const user = await signUp(t.app, 'chatty');
    const first = await user.call('POST', '/api/me/chat', { message: 'hi' });
    const id = first.body.conversation_id;
    expect(
      (await user.call('POST', '/api/me/chat', { message: 'hi', conversation_id: id })).status,
    ).toBe(200);
    // Four messages stored: a fifth would leave no room for its reply.
    const third = await user.call('POST', '/api/me/chat', { message: 'hi', conversation_id: id });
    expect(third.status).toBe(409);
    expect(third.body.error).toMatchObject({
      code: 'message_limit_reached',
      message:
        'This conversation has reached 5 messages, the most one conversation can hold. Start a new conversation to go on.',
    });
    const stream = await t.app.request('/api/me/chat/stream', {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'hi', conversation_id: id }),
    });
    const events = parseSse(await stream.text());
    expect(events.at(-1)).toMatchObject({
      event: 'error',
      data: { error: { code: 'message_limit_reached' } },
    });
    const listed = await user.call('GET', `/api/me/conversations/${id}/messages`);
    expect(listed.body.messages).toHaveLength(4);
  });

  it('lets two turns in one conversation take its last places only once', async () => {
    t = await createTestApp({ env: { MESSAGES_PER_CONVERSATION_MAX: '4' } });
    const user = await signUp(t.app, 'racer');
    const first = await user.call('POST', '/api/me/chat', { message: 'hi' });
    const id = first.body.conversation_id;
    const replies = await Promise.all(
      Array.from({ length: 4 }, () =>
        user.call('POST', '/api/me/chat', { message: 'hi', conversation_id: id }),
      ),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409, 409, 409]);
    const listed = await user.call('GET', `/api/me/conversations/${id}/messages`);
    expect(listed.body.messages).toHaveLength(4);
  });
});

describe('data already beyond a lowered cap', () => {
  it('stays readable and deletable; only new conversations and messages are refused', async () => {
    t = await createTestApp({
      env: { CONVERSATIONS_PER_USER_MAX: '2', MESSAGES_PER_CONVERSATION_MAX: '4' },
    });
    const user = await signUp(t.app, 'veteran');
    const stored = await t.database.db
      .insert(conversations)
      .values([1, 2, 3].map((n) => ({ userId: user.userId, title: `old ${n}` })))
      .returning();
    const full = only(stored.slice(0, 1));
    await t.database.db.insert(messages).values(
      Array.from({ length: 6 }, (_, i) => ({
        conversationId: full.id,
        userId: user.userId,
        role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
        content: `m${i}`,
      })),
    );
    expect((await user.call('GET', '/api/me/conversations')).body.conversations).toHaveLength(3);
    const listed = await user.call('GET', `/api/me/conversations/${full.id}/messages`);
    expect(listed.body.messages).toHaveLength(6);
    const turn = await user.call('POST', '/api/me/chat', {
      message: 'hi',
      conversation_id: full.id,
    });
    expect(turn.body.error?.code).toBe('message_limit_reached');
    expect((await user.call('POST', '/api/me/chat', { message: 'hi' })).body.error?.code).toBe(
      'conversation_limit_reached',
    );
    const other = only(stored.slice(1, 2));
    const fresh = await user.call('POST', '/api/me/chat', {
      message: 'hi',
      conversation_id: other.id,
    });
    expect(fresh.status).toBe(200);
    expect((await user.call('DELETE', `/api/me/conversations/${full.id}`)).status).toBe(200);
  });
});

describe('what each message stores is bounded', () => {
  const description = 'd'.repeat(2_000);

  it('keeps a summary of a list, not every task in full, and "the second one" still works', async () => {
    t = await createTestApp();
    const user = await signUp(t.app, 'lister');
    for (let i = 0; i < 60; i++) {
      await user.call('POST', '/api/me/tasks', { title: `task ${i}`, description });
    }
    const listed = await user.call('POST', '/api/me/chat', { message: 'show my tasks' });
    const id = listed.body.conversation_id;
    const [call] = listed.body.tool_calls;
    expect(call.result).toHaveLength(50);
    expect(Object.keys(call.result[0]).sort()).toEqual(
      ['completed', 'due_at', 'id', 'priority', 'recurrence', 'tags', 'title'].sort(),
    );
    for (let i = 0; i < 4; i++) {
      await user.call('POST', '/api/me/chat', { message: 'show my tasks', conversation_id: id });
    }
    const page = await t.app.request(`/api/me/conversations/${id}/messages`, {
      headers: { authorization: `Bearer ${user.token}` },
    });
    const bytes = (await page.text()).length;
    // Five listings of 50 tasks with 2 KB descriptions stored whole were over 500 KB.
    expect(bytes).toBeLessThan(50_000);
    const done = await user.call('POST', '/api/me/chat', {
      message: 'complete the second one',
      conversation_id: id,
    });
    const completed = done.body.tool_calls.find(
      (c: { name: string }) => c.name === 'complete_task',
    );
    expect(completed?.arguments.task_id).toBe(call.result[1].id);
  });

  it('bounds messages stored in full before summaries existed, when read and replayed', async () => {
    t = await createTestApp();
    const user = await signUp(t.app, 'legacy');
    const conversation = only(
      await t.database.db
        .insert(conversations)
        .values({ userId: user.userId, title: 'old' })
        .returning(),
    );
    const full = Array.from({ length: 120 }, (_, i) => ({
      id: i + 1,
      title: `old ${i}`,
      description,
      completed: false,
      priority: 'none',
      tags: [],
      due_at: null,
      recurrence: null,
      created_at: '2026-01-01T00:00:00.000Z',
    }));
    await t.database.db.insert(messages).values([
      { conversationId: conversation.id, userId: user.userId, role: 'user', content: 'list' },
      {
        conversationId: conversation.id,
        userId: user.userId,
        role: 'assistant',
        content: 'Here.',
        toolCalls: [{ name: 'list_tasks', arguments: {}, result: full }],
      },
    ]);
    const listed = await user.call('GET', `/api/me/conversations/${conversation.id}/messages`);
    const result = listed.body.messages[1].tool_calls[0].result;
    expect(result).toHaveLength(50);
    expect(result[0]).toEqual({
      id: 1,
      title: 'old 0',
      completed: false,
      priority: 'none',
      tags: [],
      due_at: null,
      recurrence: null,
    });
    const turn = await user.call('POST', '/api/me/chat', {
      message: 'what can you do?',
      conversation_id: conversation.id,
    });
    expect(turn.status).toBe(200);
  });
});
