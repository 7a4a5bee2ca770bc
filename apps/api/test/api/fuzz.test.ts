// Hostile input, generated: every route, the chat endpoint and every MCP tool must answer
// random and boundary input with a clear 4xx or a tool error, never a 5xx, a stack trace or SQL.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type Reply, signUp, type TestApp } from '../helpers.ts';
import { connectMcp, toolText } from '../mcp-client.ts';

let t: TestApp;
let user: Client;
let taskId: number;

beforeAll(async () => {
  t = await createTestApp();
  user = await signUp(t.app, 'fuzz');
  taskId = (await user.call('POST', '/api/me/tasks', { title: 'target' })).body.id;
});
afterAll(() => t.close());

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const LEAKS =
  /\bat [\w.<>]+ \(|node_modules|\bselect\b.+\bfrom\b|\binsert into\b|drizzle|postgres|pglite|TypeError|ReferenceError/i;

function expectClean(reply: Reply, context: unknown) {
  const where = JSON.stringify(context).slice(0, 300);
  expect(reply.status, where).toBeLessThan(500);
  expect(JSON.stringify(reply.body) ?? '', where).not.toMatch(LEAKS);
  if (reply.status >= 400 && reply.status !== 429) {
    expect(reply.body?.error?.message ?? reply.body?.message, where).toEqual(expect.any(String));
  }
}

/** Awkward values: wrong types, unicode, huge and boundary numbers, nested structures. */
const hostileValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '💥'.repeat(500),
    'x'.repeat(5000),
    '2026-02-30T10:00:00Z',
    'NaN',
  ),
  fc.constantFrom(
    "'; drop table tasks; --",
    '%_\\',
    '<script>alert(1)</script>',
    '../../etc/passwd',
  ),
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, Number.MAX_VALUE, -0, 1e308),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 5 }),
);

const taskFields = [
  'title',
  'description',
  'priority',
  'tags',
  'due_at',
  'remind_at',
  'recurrence',
  'completed',
];
const hostileBody = fc.oneof(
  fc.record(Object.fromEntries(taskFields.map((field) => [field, hostileValue])), {
    requiredKeys: [],
  }),
  fc.anything(),
  fc.dictionary(fc.string(), hostileValue),
);
const hostileId = fc.oneof(
  fc.integer({ min: -10, max: 2 ** 31 + 10 }).map(String),
  fc.constantFrom('0', '-1', '1e3', '0x10', '1.5', '99999999999999999999', ' 1', '%00', 'null'),
  fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent),
);
const hostileQuery = fc
  .dictionary(
    fc.constantFrom(
      'status',
      'q',
      'priority',
      'tag',
      'due',
      'tz',
      'sort',
      'order',
      'limit',
      'offset',
      'x',
    ),
    fc.oneof(
      fc.string(),
      hostileValue.map((value) => JSON.stringify(value) ?? ''),
    ),
    { maxKeys: 6 },
  )
  .map((query) => new URLSearchParams(query as Record<string, string>).toString());

describe('REST routes under hostile input', () => {
  it('task writes: random bodies never cause a 5xx or a leak', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'PUT', 'PATCH'),
        hostileBody,
        async (method, body) => {
          const path = method === 'POST' ? '/api/me/tasks' : `/api/me/tasks/${taskId}`;
          expectClean(await user.call(method, path, body), { method, body });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('task ids and list queries: random values are refused cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE'),
        hostileId,
        hostileQuery,
        async (method, id, query) => {
          const body = method === 'GET' || method === 'DELETE' ? undefined : { title: 'x' };
          expectClean(await user.call(method, `/api/me/tasks/${id}`, body), { method, id });
          expectClean(await user.call('GET', `/api/me/tasks?${query}`), { query });
          expectClean(await user.call('PATCH', `/api/me/tasks/${id}/complete`), { id });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('chat, conversations, tokens and parsing: random bodies and ids are refused cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, hostileValue, hostileId, async (message, conversation, id) => {
        expectClean(
          await user.call('POST', '/api/me/chat', { message, conversation_id: conversation }),
          {
            message,
            conversation,
          },
        );
        expectClean(
          await user.call('POST', '/api/me/tasks/parse', {
            text: message,
            time_zone: conversation,
          }),
          {
            message,
          },
        );
        expectClean(await user.call('GET', `/api/me/conversations/${id}/messages`), { id });
        expectClean(await user.call('DELETE', `/api/me/tokens/${id}`), { id });
        expectClean(await user.call('POST', '/api/me/tokens', { name: message }), { message });
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('chat messages of any text get an answer, never an error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 }),
        async (message) => {
          fc.pre(message.trim().length > 0);
          const reply = await user.call('POST', '/api/me/chat', { message });
          expect(reply.status, JSON.stringify(message)).toBe(200);
          expect(reply.body.response.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('bodies that are malformed at the HTTP level', () => {
  const raw = (body: string, contentType: string) =>
    user.call('POST', '/api/me/tasks', body, { 'content-type': contentType });

  it('wrong content types, broken JSON and deep nesting are 4xx', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const cases: [string, string][] = [
      ['title=x', 'application/x-www-form-urlencoded'],
      ['{"title":"x"}', 'text/plain'],
      ['{"title":"x"}', 'application/xml'],
      ['{"title":', 'application/json'],
      ['\u0000\u0001', 'application/json'],
      [deep, 'application/json'],
      [
        `{"title":"x","nested":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`,
        'application/json',
      ],
      ['[1,2,3]', 'application/json'],
      ['"just a string"', 'application/json'],
      ['null', 'application/json'],
    ];
    for (const [body, type] of cases) {
      const reply = await raw(body, type);
      expect(reply.status, `${type} ${body.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
      expectClean(reply, { type, body: body.slice(0, 40) });
    }
  });

  it('oversized bodies are refused with 413 before they are parsed', async () => {
    const reply = await raw(
      JSON.stringify({ title: 'x', description: 'y'.repeat(1_100_000) }),
      'application/json',
    );
    expect(reply.status).toBe(413);
    const chat = await user.call('POST', '/api/me/chat', { message: 'z'.repeat(1_100_000) });
    expect(chat.status).toBe(413);
  });
});

describe('MCP tools under hostile arguments', () => {
  it('every tool answers random arguments with a result or a tool error, never a crash', async () => {
    const client = await connectMcp(t.app, user.token);
    try {
      const names = ['add_task', 'list_tasks', 'complete_task', 'delete_task', 'update_task'];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...names),
          fc.dictionary(
            fc.constantFrom(
              'task_id',
              'title',
              'due',
              'tags',
              'recurrence',
              'status',
              'user_id',
              'priority',
              'q',
              'limit',
            ),
            hostileValue,
            { maxKeys: 5 },
          ),
          async (name, args) => {
            const result = await client.callTool({ name, arguments: args });
            const text = toolText(result);
            expect(text, JSON.stringify({ name, args }).slice(0, 300)).not.toMatch(LEAKS);
            if (result.isError) expect(text).toMatch(/^(Error: |Input validation error|MCP error)/);
          },
        ),
        { numRuns: RUNS },
      );
    } finally {
      await client.close();
    }
  });
});
