// The app used through the cluster's own networking: the web Service (port-forwarded) proxies to
// the API Service, which reaches PostgreSQL by its Service name. Never a pod IP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, chatStream, connectMcp, type Session, signUp, toolText } from './support/app.ts';
import { fullName, type PortForward, portForward } from './support/cluster.ts';

let web: PortForward;
let api: PortForward;
let session: Session;

beforeAll(async () => {
  web = await portForward(fullName('web'), 8080);
  api = await portForward(fullName('api'), 8080);
  session = await signUp(web.url, 'cluster-user');
});
afterAll(() => {
  web?.close();
  api?.close();
});

describe('through the web Service', () => {
  it('the API Service answers /healthz and /readyz (database reachable and migrated)', async () => {
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('creates, lists and completes tasks', async () => {
    const titles = ['Pay rent', 'Call the bank', 'Water plants'];
    for (const title of titles) {
      const created = await call(session, 'POST', '/api/me/tasks', { title, priority: 'high' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const listed = await call(session, 'GET', '/api/me/tasks?sort=title');
    expect(listed.status).toBe(200);
    expect(listed.body.tasks.map((t: { title: string }) => t.title)).toEqual([...titles].sort());
    const bank = listed.body.tasks.find((t: { title: string }) => t.title === 'Call the bank');
    const done = await call(session, 'PATCH', `/api/me/tasks/${bank.id}/complete`);
    expect(done.status).toBe(200);
    expect(done.body.task.completed).toBe(true);
    const completed = await call(session, 'GET', '/api/me/tasks?status=completed');
    expect(completed.body.tasks.map((t: { title: string }) => t.title)).toEqual(['Call the bank']);
  });

  it('answers a chat turn that acts on the tasks', async () => {
    const turn = await call(session, 'POST', '/api/me/chat', {
      message: 'add buy oat milk tomorrow at 6pm',
    });
    expect(turn.status, JSON.stringify(turn.body)).toBe(200);
    expect(turn.body.conversation_id).toEqual(expect.any(Number));
    expect(turn.body.tool_calls.map((c: { name: string }) => c.name)).toContain('add_task');
    const listed = await call(session, 'GET', '/api/me/tasks?q=oat');
    expect(listed.body.tasks.map((t: { title: string }) => t.title)).toEqual(['Buy oat milk']);
    expect(listed.body.tasks[0].due_at).toEqual(expect.any(String));
  });

  it('streams a chat turn as Server-Sent Events through nginx', async () => {
    const { contentType, events } = await chatStream(session, 'what is pending?');
    expect(contentType).toContain('text/event-stream');
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('conversation');
    expect(names).toContain('delta');
    expect(names).toContain('tool_call');
    expect(names.at(-1)).toBe('done');
    const text = events
      .filter((e) => e.event === 'delta')
      .map((e) => (e.data as { text: string }).text)
      .join('');
    expect(text).toContain('Pay rent');
  });

  it('serves MCP tools/list and tools/call to a personal token', async () => {
    const created = await call(session, 'POST', '/api/me/tokens', { name: 'cluster test' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const client = await connectMcp(web.url, created.body.token);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual([
        'add_task',
        'complete_task',
        'delete_task',
        'list_tasks',
        'update_task',
      ]);
      const added = await client.callTool({
        name: 'add_task',
        arguments: { title: 'Added over MCP' },
      });
      expect(added.isError ?? false, toolText(added)).toBe(false);
      const listed = await client.callTool({
        name: 'list_tasks',
        arguments: { status: 'pending' },
      });
      expect(toolText(listed)).toContain('Added over MCP');
      expect(toolText(listed)).toContain('Pay rent');
    } finally {
      await client.close();
    }
  });
});
