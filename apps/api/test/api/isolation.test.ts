// The cross-user matrix: every task endpoint, called with no session, with another user's
// ids, and with another user's id in the path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, send, signUp, type TestApp } from '../helpers.ts';

let t: TestApp;
let owner: Client;
let intruder: Client;
let ownersTask: { id: number; title: string };

interface Endpoint {
  method: string;
  route: string;
  path: (id: number) => string;
  body?: unknown;
}

const taskEndpoints: Endpoint[] = [
  { method: 'GET', route: '/tasks/{id}', path: (id) => `/tasks/${id}` },
  {
    method: 'PUT',
    route: '/tasks/{id}',
    path: (id) => `/tasks/${id}`,
    body: { title: 'hijacked' },
  },
  {
    method: 'PATCH',
    route: '/tasks/{id}',
    path: (id) => `/tasks/${id}`,
    body: { title: 'hijacked' },
  },
  { method: 'PATCH', route: '/tasks/{id}/complete', path: (id) => `/tasks/${id}/complete` },
  { method: 'DELETE', route: '/tasks/{id}', path: (id) => `/tasks/${id}` },
];
const allEndpoints: Endpoint[] = [
  { method: 'GET', route: '/tasks', path: () => '/tasks' },
  { method: 'POST', route: '/tasks', path: () => '/tasks', body: { title: 'sneaky' } },
  ...taskEndpoints,
];

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app, 'owner');
  intruder = await signUp(t.app, 'intruder');
  const reply = await owner.call('POST', '/api/me/tasks', {
    title: 'Owner secret',
    tags: ['private'],
  });
  ownersTask = reply.body;
});
afterAll(() => t.close());

describe('without a session', () => {
  it.each(allEndpoints)('$method $route is 401', async ({ method, path, body }) => {
    const reply = await send(t.app, method, `/api/me${path(1)}`, body);
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthorized');
  });

  it('a forged bearer token is 401', async () => {
    const reply = await send(t.app, 'GET', '/api/me/tasks', undefined, {
      authorization: `Bearer ${owner.token.slice(0, -4)}AAAA`,
    });
    expect(reply.status).toBe(401);
  });
});

describe("another user's task ids", () => {
  it.each(taskEndpoints)(
    '$method $route is 404 and changes nothing',
    async ({ method, path, body }) => {
      const reply = await intruder.call(method, `/api/me${path(ownersTask.id)}`, body);
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('task_not_found');
    },
  );

  it('the owner still sees the task unchanged', async () => {
    const reply = await owner.call('GET', `/api/me/tasks/${ownersTask.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ title: 'Owner secret', completed: false });
  });

  it("listing, searching and filtering never return another user's tasks", async () => {
    for (const query of ['', '?q=secret', '?tag=private', '?status=all', '?limit=200']) {
      const reply = await intruder.call('GET', `/api/me/tasks${query}`);
      expect(reply.status).toBe(200);
      expect(
        reply.body.tasks.every((task: { user_id: string }) => task.user_id === intruder.userId),
      ).toBe(true);
      expect(
        reply.body.tasks.some((task: { title: string }) => task.title === 'Owner secret'),
      ).toBe(false);
    }
  });
});

describe('path spoofing', () => {
  it.each(allEndpoints)(
    "$method /api/{owner}$route with the intruder's session is 403",
    async ({ method, path, body }) => {
      const reply = await intruder.call(method, `/api/${owner.userId}${path(ownersTask.id)}`, body);
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
    },
  );

  it('the owner can use their own id or "me" interchangeably', async () => {
    const byId = await owner.call('GET', `/api/${owner.userId}/tasks/${ownersTask.id}`);
    const byMe = await owner.call('GET', `/api/me/tasks/${ownersTask.id}`);
    expect(byId.body).toEqual(byMe.body);
  });

  it('tasks created by the intruder belong to the intruder whatever the body says', async () => {
    const reply = await intruder.call('POST', '/api/me/tasks', { title: 'mine' });
    expect(reply.body.user_id).toBe(intruder.userId);
  });
});
