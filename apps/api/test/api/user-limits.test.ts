// Per-user budgets: requests per window on REST and MCP, chat turns per window, and requests
// running at once, each with a 429 and Retry-After; other users never pay for one user's excess.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlots } from '../../src/http/user-limits.ts';
import { createTestApp, send, signUp, type TestApp } from '../helpers.ts';

const limited = (env: Record<string, string>) =>
  createTestApp({ env: { USER_RATE_LIMIT_ENABLED: 'true', ...env } });

const mcpList = {
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/list',
  params: {},
};
const MCP_HEADERS = { accept: 'application/json, text/event-stream' };

describe('the request budget', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await limited({ USER_RATE_LIMIT_MAX: '4', USER_RATE_LIMIT_WINDOW_SECONDS: '60' });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once a user spent it, on REST and MCP alike', async () => {
    const ann = await signUp(t.app, 'ann');
    for (let i = 0; i < 3; i++) expect((await ann.call('GET', '/api/me/tasks')).status).toBe(200);
    const mcp = await ann.call('POST', '/mcp', mcpList, MCP_HEADERS);
    expect(mcp.status).toBe(200);
    for (const [method, path, body] of [
      ['GET', '/api/me/tasks', undefined],
      ['POST', '/mcp', mcpList],
    ] as const) {
      const refused = await ann.call(method, path, body, MCP_HEADERS);
      expect(refused.status, path).toBe(429);
      expect(refused.body.error.code).toBe('rate_limited');
      expect(refused.body.error.message).toMatch(/4 every 60 s/);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    // Another user has a budget of their own.
    const bob = await signUp(t.app, 'bob');
    expect((await bob.call('GET', '/api/me/tasks')).status).toBe(200);
  });
});

describe('the chat budget', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await limited({ CHAT_RATE_LIMIT_MAX: '2', USER_RATE_LIMIT_MAX: '3' });
  });
  afterAll(() => t.close());

  it('counts chat turns apart, and not the MCP calls a turn makes in-process', async () => {
    const ann = await signUp(t.app, 'ann');
    // Each turn adds tasks through the in-process MCP endpoint: several calls per turn.
    for (const message of ['add milk, eggs and bread', 'add call mum']) {
      expect((await ann.call('POST', '/api/me/chat', { message })).status).toBe(200);
    }
    const refused = await ann.call('POST', '/api/me/chat/stream', { message: 'add tea' });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/chat messages: an account may send 2/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The REST budget (3) is untouched by the two turns and their tool calls.
    for (let i = 0; i < 3; i++) expect((await ann.call('GET', '/api/me/tasks')).status).toBe(200);
    expect((await ann.call('GET', '/api/me/tasks')).status).toBe(429);
  });
});

describe('requests in flight', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await limited({ USER_REQUESTS_IN_FLIGHT_MAX: '1', USER_REQUESTS_QUEUED_MAX: '0' });
  });
  afterAll(() => t.close());

  it('holds a streamed chat turn’s slot until its stream ends, then frees it', async () => {
    const ann = await signUp(t.app, 'ann');
    const apiToken = (await ann.call('POST', '/api/me/tokens', { name: 'second credential' })).body
      .token as string;
    const headers = { authorization: `Bearer ${ann.token}`, 'content-type': 'application/json' };
    // Not read yet: the turn's events wait in the stream, and the slot stays taken.
    const stream = await t.app.request('/api/me/chat/stream', {
      method: 'POST',
      headers,
      body: JSON.stringify({ message: 'add milk' }),
    });
    expect(stream.status).toBe(200);
    const busy = await ann.call('GET', '/api/me/tasks');
    expect(busy.status).toBe(429);
    expect(busy.body.error.code).toBe('too_many_concurrent_requests');
    expect(busy.headers.get('retry-after')).toBe('1');
    // Another credential of the same user passes the per-credential bound, not the per-user one.
    const other = await send(t.app, 'GET', '/api/me/tasks', undefined, {
      authorization: `Bearer ${apiToken}`,
    });
    expect(other.status).toBe(429);
    expect(other.body.error.code).toBe('too_many_concurrent_requests');
    // Another user is not held up.
    const bob = await signUp(t.app, 'bob');
    expect((await bob.call('GET', '/api/me/tasks')).status).toBe(200);

    expect(await stream.text()).toContain('event: done');
    expect((await ann.call('GET', '/api/me/tasks')).status).toBe(200);
  });
});

describe('requests in flight, before the session lookup', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await limited({ USER_REQUESTS_IN_FLIGHT_MAX: '1', USER_REQUESTS_QUEUED_MAX: '2' });
  });
  afterAll(() => t.close());

  it('lets one request of a credential at a time reach the database, queues two, refuses the rest', async () => {
    const ann = await signUp(t.app, 'ann');
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => ann.call('GET', '/api/me/tasks?q=nothing')),
    );
    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
  });
});

describe('slots', () => {
  it('runs so many at once, queues so many more in order, refuses the rest, and forgets idle keys', async () => {
    const slots = createSlots(2, 1);
    const first = await slots.acquire('u');
    const second = await slots.acquire('u');
    let thirdRan = false;
    const third = slots.acquire('u').then((release) => {
      thirdRan = true;
      return release;
    });
    expect(await slots.acquire('u')).toBeUndefined();
    expect(await slots.acquire('other')).toBeDefined();
    await Promise.resolve();
    expect(thirdRan).toBe(false);
    first?.();
    first?.(); // releasing twice frees one slot, not two
    const thirdRelease = await third;
    expect(thirdRan).toBe(true);
    // Two run again (second, third): a fourth waits, a fifth is refused.
    const fourth = slots.acquire('u');
    expect(await slots.acquire('u')).toBeUndefined();
    second?.();
    (await fourth)?.();
    thirdRelease?.();
    expect(slots.size).toBe(1); // 'other' still holds its slot
  });

  it('leaves nothing behind once every request is done', async () => {
    const slots = createSlots(1, 5);
    const releases = await Promise.all([slots.acquire('a'), slots.acquire('b')]);
    const queued = slots.acquire('a');
    releases[0]?.();
    (await queued)?.();
    releases[1]?.();
    expect(slots.size).toBe(0);
  });
});
