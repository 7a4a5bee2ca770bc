// Bounds on the work of one chat message, with the offline engine and a remote model alike:
// tool calls and new tasks per turn, and the per-user task cap met through chat.
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAnswer, type FakeOpenAI, startFakeOpenAI } from '../fake-openai.ts';
import { type Client, createTestApp, signUp, type TestApp } from '../helpers.ts';
import { parseSse } from '../sse.ts';

let t: TestApp | undefined;
let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await t?.close();
  await fake?.close();
  t = undefined;
  fake = undefined;
});

const taskCount = async (user: Client) =>
  (await user.call('GET', '/api/me/tasks?limit=200')).body.tasks.length as number;

/** "add t0, t1, …" as long as one chat message may be: the 4 KB message. */
function longAddMessage(): { text: string; count: number } {
  let text = 'add t0';
  let count = 1;
  while (`${text}, t${count}`.length <= 4000) {
    text += `, t${count}`;
    count += 1;
  }
  return { text, count };
}

/** An OpenAI-compatible server whose model answers the first request with `first`. */
async function remoteModel(first: FakeAnswer, then: FakeAnswer = { text: 'All done!' }) {
  fake = await startFakeOpenAI((request) =>
    request.messages.some((message) => message.role === 'tool') ? then : first,
  );
  return { LLM_PROVIDER: 'openai', OPENAI_BASE_URL: fake.baseUrl };
}

describe('one message does bounded work with the offline engine', () => {
  it('asks instead of adding when a message names more tasks than one turn may add', async () => {
    t = await createTestApp();
    const user = await signUp(t.app, 'flood');
    const { text, count } = longAddMessage();
    expect(count).toBeGreaterThan(600);
    const started = Date.now();
    const reply = await user.call('POST', '/api/me/chat', { message: text });
    expect(reply.status).toBe(200);
    expect(reply.body.tool_calls).toEqual([]);
    expect(reply.body.response).toBe(
      `That's ${count} tasks; I can add up to 20 at once, so I haven't added any. Please send them in groups of 20 or fewer.`,
    );
    expect(await taskCount(user)).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('adds a list within the limit and names every task it added', async () => {
    t = await createTestApp({ env: { CHAT_NEW_TASKS_PER_TURN_MAX: '12' } });
    const user = await signUp(t.app, 'twelve');
    const titles = 'apples bread cheese dates eggs flour grapes honey ice jam kale lemons'
      .split(' ')
      .map((word) => `Buy ${word}`);
    const reply = await user.call('POST', '/api/me/chat', { message: `add ${titles.join(', ')}` });
    expect(reply.body.tool_calls).toHaveLength(12);
    // More calls than the engine's step guard (8) once said "I couldn't finish that".
    expect(reply.body.response).toMatch(/^Added 12 tasks:/);
    for (const title of titles) expect(reply.body.response).toContain(`"${title}"`);
    expect(await taskCount(user)).toBe(12);
    const over = await user.call('POST', '/api/me/chat', {
      message: 'add a, b, c, d, e, f, g, h, i, j, k, l, m',
    });
    expect(over.body.response).toMatch(/^That's 13 tasks; I can add up to 12 at once/);
    expect(await taskCount(user)).toBe(12);
  });
});

describe('the per-user task cap, met through chat', () => {
  it('reaches the user as a plain reason, naming what was added and what was not', async () => {
    t = await createTestApp({ env: { TASKS_PER_USER_MAX: '3' } });
    const user = await signUp(t.app, 'full');
    const reply = await user.call('POST', '/api/me/chat', {
      message: 'add wash car, pay rent, book flights, call mom and buy milk',
    });
    expect(reply.status).toBe(200);
    expect(await taskCount(user)).toBe(3);
    // The SDK runs the five calls at once: which three win the race varies on PostgreSQL.
    const [heading, ...rest] = reply.body.response.split('\n');
    expect(heading).toBe('Added 3 tasks:');
    expect(rest).toHaveLength(4);
    const added = rest.slice(0, 3).map((line: string) => /^• "(.+)"$/.exec(line)?.[1]);
    const refusedLine = /^"(.+)", "(.+)": Sorry, that didn't work: (.*\b3 tasks\b.*)$/.exec(
      rest[3],
    );
    expect([...added, refusedLine?.[1], refusedLine?.[2]].sort()).toEqual([
      'Book flights',
      'Buy milk',
      'Call mom',
      'Pay rent',
      'Wash car',
    ]);
    expect(refusedLine?.[3]).not.toMatch(/something went wrong/);
    const errors = reply.body.tool_calls.filter((call: { result: unknown }) =>
      String(call.result).startsWith('Error: '),
    );
    expect(errors).toHaveLength(2);
  });
});

describe('one message does bounded work with a remote model', () => {
  const adds = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ name: 'add_task', arguments: { title: `task ${i}` } }));

  it('stops a model asking for 100 add_task calls at the cap and says what was done', async () => {
    t = await createTestApp({
      env: await remoteModel({ toolCalls: adds(100) }, { text: 'I added all 100 tasks!' }),
    });
    const user = await signUp(t.app, 'greedy');
    const reply = await user.call('POST', '/api/me/chat', { message: 'add 100 tasks' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(await taskCount(user)).toBe(20);
    expect(reply.body.response).toBe(
      'I added all 100 tasks!\n\nI stopped at the limit of 20 new tasks per message. Done: 20 tasks added. Not done: 80 more requests; please send the rest in another message.',
    );
    // Only the calls that ran are recorded; the model read why the others did nothing.
    expect(reply.body.tool_calls).toHaveLength(20);
    const toolMessages = fake?.requests[1]?.body.messages.filter((m) => m.role === 'tool') ?? [];
    expect(toolMessages).toHaveLength(100);
    expect(String(toolMessages.at(-1)?.content)).toMatch(/^Error: Not done, limit reached\./);
  });

  it('caps tool calls of any kind, streamed too, in the user language', async () => {
    const lists = Array.from({ length: 30 }, () => ({ name: 'list_tasks', arguments: {} }));
    t = await createTestApp({
      env: await remoteModel({ toolCalls: lists }, { text: 'Theek hai.' }),
    });
    const user = await signUp(t.app, 'lister');
    const response = await t.app.request('/api/me/chat/stream', {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'meri tasks dikhao' }),
    });
    const events = parseSse(await response.text());
    const done = events.at(-1)?.data as { response: string; tool_calls: unknown[] };
    expect(events.at(-1)?.event).toBe('done');
    expect(done.tool_calls).toHaveLength(25);
    expect(events.filter((event) => event.event === 'tool_call')).toHaveLength(25);
    expect(done.response).toBe(
      'Theek hai.\n\nMain ek message ki had (25 tool calls) par ruk gaya. Ho gaya: koi task change nahi hua. Nahi hua: mazeed 5 requests; baqi alag message mein bhejein.',
    );
    const deltas = events.filter((event) => event.event === 'delta');
    expect(deltas.map((event) => (event.data as { text: string }).text).join('')).toBe(
      done.response,
    );
  });

  it('a model that never stops calling tools gets a reply saying what was done, not a 502', async () => {
    t = await createTestApp({
      env: await remoteModel(
        { toolCall: { name: 'add_task', arguments: { title: 'again' } } },
        { toolCall: { name: 'add_task', arguments: { title: 'again' } } },
      ),
    });
    const user = await signUp(t.app, 'looper');
    const reply = await user.call('POST', '/api/me/chat', { message: 'add again' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const added = await taskCount(user);
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThanOrEqual(10);
    expect(reply.body.response).toBe(
      `I stopped after 10 steps without finishing. Done: ${added} tasks added. Please check your list and try a simpler request.`,
    );
    expect(reply.body.tool_calls).toHaveLength(added);
    const response = await t.app.request('/api/me/chat/stream', {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'add again' }),
    });
    const events = parseSse(await response.text());
    expect(events.at(-1)?.event).toBe('done');
    const done = events.at(-1)?.data as { response: string };
    expect(done.response).toMatch(
      /^I stopped after 10 steps without finishing\. Done: \d+ tasks added\./,
    );
    const deltas = events.filter((event) => event.event === 'delta');
    expect(deltas.map((event) => (event.data as { text: string }).text).join('')).toBe(
      done.response,
    );
  });
});
