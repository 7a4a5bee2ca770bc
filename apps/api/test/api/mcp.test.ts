// The MCP server through the official SDK client: tools, auth, identity and tool errors.
import type { Client } from '@modelcontextprotocol/client';
import { type ToolName, type ToolOutput, toolCatalogue } from '@todo-chatbot/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  send,
  signUp,
  type TestApp,
  type Client as UserClient,
} from '../helpers.ts';
import { connectMcp, toolText } from '../mcp-client.ts';

let t: TestApp;
let ann: UserClient;
let bob: UserClient;
let annMcp: Client;
let bobMcp: Client;

const call = async (client: Client, name: string, args: Record<string, unknown>) => {
  const result = await client.callTool({ name, arguments: args });
  const text = toolText(result);
  return {
    isError: result.isError === true,
    text,
    json: result.isError ? undefined : JSON.parse(text),
  };
};

beforeAll(async () => {
  t = await createTestApp();
  ann = await signUp(t.app, 'ann');
  bob = await signUp(t.app, 'bob');
  annMcp = await connectMcp(t.app, ann.token);
  bobMcp = await connectMcp(t.app, bob.token);
});
afterAll(async () => {
  await annMcp.close();
  await bobMcp.close();
  await t.close();
});

describe('tools', () => {
  it('lists the five task tools with described input schemas', async () => {
    const { tools } = await annMcp.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'add_task',
      'complete_task',
      'delete_task',
      'list_tasks',
      'update_task',
    ]);
    for (const tool of tools) {
      expect(tool.description?.length).toBeGreaterThan(20);
      const properties = tool.inputSchema.properties as Record<string, { description?: string }>;
      for (const [name, property] of Object.entries(properties)) {
        expect(property.description, `${tool.name}.${name}`).toBeTruthy();
      }
    }
  });

  it('add_task creates a task with every field, visible through REST', async () => {
    const added = await call(annMcp, 'add_task', {
      title: 'Buy milk',
      priority: 'high',
      tags: ['#Home'],
      due_at: '2030-01-02T18:00:00+05:00',
      recurrence: { frequency: 'weekly', weekdays: ['wed'] },
    });
    expect(added.isError).toBe(false);
    expect(added.json).toMatchObject({ status: 'created', title: 'Buy milk' });
    const rest = await ann.call('GET', `/api/me/tasks/${added.json.task_id}`);
    expect(rest.body).toMatchObject({
      priority: 'high',
      tags: ['home'],
      due_at: '2030-01-02T13:00:00.000Z',
      recurrence: { frequency: 'weekly', weekdays: ['wed'] },
    });
  });

  it('advertises the REST names (due_at, tz), and the older ones as deprecated', async () => {
    const { tools } = await annMcp.listTools();
    const properties = (name: string) =>
      tools.find((tool) => tool.name === name)?.inputSchema.properties as Record<
        string,
        { deprecated?: boolean }
      >;
    for (const [tool, current, older] of [
      ['add_task', 'due_at', 'due'],
      ['update_task', 'due_at', 'due'],
      ['list_tasks', 'tz', 'timezone'],
    ] as const) {
      expect(properties(tool)[current]?.deprecated, `${tool}.${current}`).toBeUndefined();
      expect(properties(tool)[older]?.deprecated, `${tool}.${older}`).toBe(true);
    }
  });

  // Clients written before the rename send due and timezone.
  it('takes the older names as they were, with the same result', async () => {
    const task = async (args: Record<string, unknown>) => {
      const added = await call(annMcp, 'add_task', { title: 'Call the bank', ...args });
      const {
        id: _,
        created_at: __,
        updated_at: ___,
        ...fields
      } = (await ann.call('GET', `/api/me/tasks/${added.json.task_id}`)).body;
      return fields;
    };
    const due = '2030-03-04T09:30:00+05:00';
    const current = await task({ due_at: due });
    expect(current.due_at).toBe('2030-03-04T04:30:00.000Z');
    expect(await task({ due })).toEqual(current);
    expect(await task({ due, due_at: due })).toEqual(current);

    const { json: added } = await call(annMcp, 'add_task', { title: 'Dentist', due });
    await call(annMcp, 'update_task', { task_id: added.task_id, due: null });
    expect((await ann.call('GET', `/api/me/tasks/${added.task_id}`)).body.due_at).toBeNull();

    const search = { q: 'Call the bank' };
    const inKarachi = await call(annMcp, 'list_tasks', { ...search, tz: 'Asia/Karachi' });
    const older = await call(annMcp, 'list_tasks', { ...search, timezone: 'Asia/Karachi' });
    expect(inKarachi.json).toHaveLength(3);
    expect(older.json).toEqual(inKarachi.json);
  });

  it('refuses an older name and its current one with different values', async () => {
    const result = await call(annMcp, 'add_task', {
      title: 'Ambiguous',
      due: '2030-01-01T09:00:00Z',
      due_at: '2030-01-02T09:00:00Z',
    });
    expect(result.isError).toBe(true);
    expect(result.text).toBe(
      'Error: Invalid arguments. due: is the older name of due_at, which is given a different value; send only due_at',
    );
    const listed = await call(annMcp, 'list_tasks', { tz: 'UTC', timezone: 'Asia/Karachi' });
    expect(listed.text).toContain('timezone: is the older name of tz');
    expect((await call(annMcp, 'list_tasks', { q: 'Ambiguous' })).json).toEqual([]);
  });

  it('list_tasks filters and returns an array of tasks', async () => {
    await call(annMcp, 'add_task', { title: 'Write report', tags: ['work'] });
    const work = await call(annMcp, 'list_tasks', { tag: 'work' });
    expect(work.json.map((task: { title: string }) => task.title)).toEqual(['Write report']);
    const pending = await call(annMcp, 'list_tasks', { status: 'pending' });
    expect(pending.json.length).toBeGreaterThanOrEqual(2);
    const searched = await call(annMcp, 'list_tasks', { q: 'milk' });
    expect(searched.json).toHaveLength(1);
  });

  it('counts the messages of a client over HTTP by method in /metrics', async () => {
    const calls = async () => {
      const text = await (await t.app.request('/metrics')).text();
      return Number(
        /^mcp_messages_total\{method="tools\/call",via="http"\} (\d+)$/m.exec(text)?.[1] ?? 0,
      );
    };
    const before = await calls();
    await call(annMcp, 'list_tasks', {});
    await call(annMcp, 'list_tasks', { status: 'all' });
    expect((await calls()) - before).toBe(2);
  });

  it('list_tasks gives the same tasks as text and as structured content, as REST lists them', async () => {
    const result = await annMcp.callTool({ name: 'list_tasks', arguments: { status: 'all' } });
    const tasks = (result.structuredContent as { tasks: { id: number }[] }).tasks;
    expect(tasks.length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(toolText(result))).toEqual(tasks);
    const rest = await ann.call('GET', '/api/me/tasks?status=all');
    expect(tasks).toEqual(rest.body.tasks);
  });

  it('complete_task completes, and reports the next occurrence of a recurring task', async () => {
    const { json: added } = await call(annMcp, 'add_task', {
      title: 'Gym',
      recurrence: { frequency: 'daily' },
    });
    const done = await call(annMcp, 'complete_task', { task_id: added.task_id });
    expect(done.json).toMatchObject({ task_id: added.task_id, status: 'completed', title: 'Gym' });
    expect(done.json.next_task_id).toBeGreaterThan(added.task_id);
  });

  it('update_task renames, moves, clears and reopens', async () => {
    const { json: added } = await call(annMcp, 'add_task', {
      title: 'Old name',
      due_at: '2030-05-05T10:00:00Z',
    });
    const renamed = await call(annMcp, 'update_task', {
      task_id: added.task_id,
      title: 'New name',
      due_at: null,
    });
    expect(renamed.json).toEqual({ task_id: added.task_id, status: 'updated', title: 'New name' });
    const rest = await ann.call('GET', `/api/me/tasks/${added.task_id}`);
    expect(rest.body).toMatchObject({ title: 'New name', due_at: null });
    await call(annMcp, 'complete_task', { task_id: added.task_id });
    const reopened = await call(annMcp, 'update_task', {
      task_id: added.task_id,
      completed: false,
    });
    expect(reopened.isError).toBe(false);
    expect((await ann.call('GET', `/api/me/tasks/${added.task_id}`)).body.completed).toBe(false);
  });

  it('delete_task deletes', async () => {
    const { json: added } = await call(annMcp, 'add_task', { title: 'Temporary' });
    const deleted = await call(annMcp, 'delete_task', { task_id: added.task_id });
    expect(deleted.json).toEqual({ task_id: added.task_id, status: 'deleted', title: 'Temporary' });
    expect((await ann.call('GET', `/api/me/tasks/${added.task_id}`)).status).toBe(404);
  });

  it("answers with the catalogue's output of each tool", async () => {
    const structured = async <N extends ToolName>(name: N, args: Record<string, unknown>) => {
      const result = await annMcp.callTool({ name, arguments: args });
      expect(result.isError, name).toBeFalsy();
      return toolCatalogue[name].outputSchema.parse(result.structuredContent) as ToolOutput<N>;
    };
    const added = await structured('add_task', {
      title: 'Shape',
      recurrence: { frequency: 'daily' },
    });
    const { task_id } = added;
    await structured('list_tasks', { q: 'Shape' });
    await structured('update_task', { task_id, priority: 'low' });
    const done = await structured('complete_task', { task_id });
    expect(done.next_task_id).toBeGreaterThan(task_id);
    await structured('delete_task', { task_id });
  });
});

describe('tool errors', () => {
  it('a missing task is a tool error with a clear message, not a protocol failure', async () => {
    for (const name of ['complete_task', 'delete_task', 'update_task']) {
      const result = await call(annMcp, name, { task_id: 987654, title: 'x' });
      expect(result.isError, name).toBe(true);
      expect(result.text).toBe('Error: Task 987654 was not found.');
    }
  });

  it('invalid arguments are tool errors naming the field', async () => {
    const result = await call(annMcp, 'add_task', { title: '', due_at: 'tomorrow' });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/title: must not be empty/);
    expect(result.text).toMatch(/due_at: must be an ISO 8601 date-time/);
  });

  // Found by the MCP Inspector CLI (tests/quality/mcp-clients.test.ts): errors named the REST
  // fields where the tool's argument was called otherwise (due_at for due, tz for timezone, or
  // "(body)") and said "received undefined" for a missing argument. The older names are still
  // named as sent.
  it('names arguments as the tool does, and says a missing one is required', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['add_task', {}, 'title: is required'],
      ['complete_task', {}, 'task_id: is required'],
      ['update_task', { title: 'x' }, 'task_id: is required'],
      ['delete_task', { task_id: 0 }, 'task_id: must be a task id from list_tasks (1 or more)'],
      ['delete_task', { task_id: 1.5 }, 'task_id: must be a whole number'],
      ['add_task', { title: 'x', recurrence: {} }, 'recurrence.frequency: is required'],
      [
        'add_task',
        { title: 'x', recurrence: { frequency: 'every_n_days' } },
        'Error: Invalid arguments. recurrence.interval: is required',
      ],
      ['update_task', { task_id: 1, due_at: 'soon' }, 'Error: Invalid arguments. due_at: must be'],
      ['update_task', { task_id: 1, due: 'soon' }, 'Error: Invalid arguments. due: must be'],
      ['list_tasks', { tz: 'Mars/Base' }, 'Error: Invalid arguments. tz: must be'],
      ['list_tasks', { timezone: 'Mars/Base' }, 'Error: Invalid arguments. timezone: must be'],
      [
        'update_task',
        { task_id: 1 },
        'Error: Invalid arguments. name at least one field to change',
      ],
    ];
    for (const [name, args, expected] of cases) {
      const result = await call(annMcp, name, args);
      expect(result.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
      expect(result.text).toContain(expected);
      expect(result.text).not.toMatch(/undefined|\(body\)/);
      // An older name is not translated into the current one, nor the other way round.
      if ('due' in args) expect(result.text).not.toMatch(/due_at/);
      if ('timezone' in args) expect(result.text).not.toMatch(/\btz\b/);
    }
  });

  // The Inspector CLI turns a string into the declared type before sending ("yes" becomes
  // false), which tests/quality/waivers.ts waives; sent as it is, the server refuses it.
  it('refuses a string where a boolean or a number is declared', async () => {
    for (const args of [
      { task_id: 1, completed: 'yes' },
      { task_id: '1', title: 'x' },
    ]) {
      const result = await call(annMcp, 'update_task', args);
      expect(result.isError).toBe(true);
      expect(result.text).toMatch(/completed|task_id/);
    }
  });
});

describe('identity', () => {
  it('refuses connections without a session', async () => {
    await expect(connectMcp(t.app, undefined)).rejects.toThrow(/401|authoriz/i);
    const raw = await send(t.app, 'POST', '/mcp', { jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(raw.status).toBe(401);
  });

  it('accepts the caller\'s own user_id or "me", and refuses a spoofed one', async () => {
    const own = await call(annMcp, 'list_tasks', { user_id: ann.userId });
    expect(own.isError).toBe(false);
    const me = await call(annMcp, 'list_tasks', { user_id: 'me' });
    expect(me.isError).toBe(false);
    for (const name of ['add_task', 'list_tasks', 'complete_task', 'delete_task', 'update_task']) {
      const spoofed = await call(annMcp, name, { user_id: bob.userId, title: 'x', task_id: 1 });
      expect(spoofed.isError, name).toBe(true);
      expect(spoofed.text).toMatch(/user_id does not match the signed-in user/);
    }
    expect((await call(bobMcp, 'list_tasks', {})).json).toEqual([]);
  });

  it("never reaches another user's tasks by id", async () => {
    const { json: annsTask } = await call(annMcp, 'add_task', { title: 'Ann private' });
    for (const name of ['complete_task', 'delete_task', 'update_task']) {
      const result = await call(bobMcp, name, { task_id: annsTask.task_id, title: 'stolen' });
      expect(result.isError, name).toBe(true);
      expect(result.text).toMatch(/was not found/);
    }
    const still = await ann.call('GET', `/api/me/tasks/${annsTask.task_id}`);
    expect(still.body).toMatchObject({ title: 'Ann private', completed: false });
  });

  it('serves 2025-era clients too (initialize handshake)', async () => {
    const legacy = await connectMcp(t.app, ann.token, 'legacy');
    try {
      const { tools } = await legacy.listTools();
      expect(tools).toHaveLength(5);
      const result = await legacy.callTool({ name: 'list_tasks', arguments: { q: 'Buy milk' } });
      expect(JSON.parse(toolText(result))).toHaveLength(1);
    } finally {
      await legacy.close();
    }
  });
});

describe('batches', () => {
  const post = (body: string) =>
    t.app.request('/mcp', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ann.token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        origin: 'http://localhost:8080',
      },
      body,
    });
  const searches = (n: number) =>
    JSON.stringify(
      Array.from({ length: n }, (_, i) => ({
        jsonrpc: '2.0',
        id: i + 1,
        method: 'tools/call',
        params: { name: 'list_tasks', arguments: { q: 'nothing like this' } },
      })),
    );

  it('refuses a JSON-RPC batch over MCP_BATCH_MESSAGES_MAX before running any of it', async () => {
    const response = await post(searches(50));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: {
        code: -32600,
        message:
          'Invalid Request: a JSON-RPC batch may hold at most 10 messages; this one has 50. Send them in smaller batches or one at a time.',
      },
    });
  });

  it('serves a batch within the limit, and leaves other bodies to the SDK', async () => {
    const response = await post(searches(10));
    expect(response.status).toBe(200);
    const answers = (await response.text()).match(/"id":\d+/g) ?? [];
    expect(answers).toHaveLength(10);
    const garbled = await post('[{"jsonrpc": "2.0",');
    expect(garbled.status).toBe(400);
    expect(await garbled.json()).toMatchObject({ error: { code: -32700 } });
  });
});
