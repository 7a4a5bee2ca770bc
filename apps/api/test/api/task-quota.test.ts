// The per-account task cap (TASKS_PER_USER_MAX): every path that adds a task meets it, with a
// 409 a person can act on, and concurrent creates cannot overshoot it.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tasks } from '../../src/db/schema.ts';
import { createTestApp, signUp, type TestApp } from '../helpers.ts';
import { connectMcp, toolText } from '../mcp-client.ts';

const CAP = 3;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TASKS_PER_USER_MAX: String(CAP) } });
});
afterAll(() => t.close());

const held = async (userId: string) => {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(tasks)
    .where(eq(tasks.userId, userId));
  return row?.n ?? 0;
};

describe('the task cap', () => {
  it('refuses the task after the last allowed one with a 409 that says what to do', async () => {
    const ann = await signUp(t.app, 'ann');
    for (let i = 0; i < CAP; i++) {
      expect((await ann.call('POST', '/api/me/tasks', { title: `task ${i}` })).status).toBe(201);
    }
    const refused = await ann.call('POST', '/api/me/tasks', { title: 'one too many' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('task_limit_reached');
    expect(refused.body.error.message).toMatch(/already have 3 tasks.*Delete some/);
    expect(await held(ann.userId)).toBe(CAP);

    // Another account has its own room; deleting one of ann's makes room for her again.
    const bob = await signUp(t.app, 'bob');
    expect((await bob.call('POST', '/api/me/tasks', { title: 'mine' })).status).toBe(201);
    const list = await ann.call('GET', '/api/me/tasks');
    await ann.call('DELETE', `/api/me/tasks/${list.body.tasks[0].id}`);
    expect((await ann.call('POST', '/api/me/tasks', { title: 'room again' })).status).toBe(201);
  });

  it('holds under concurrent creates: exactly the cap is written, the rest are 409', async () => {
    const racer = await signUp(t.app, 'racer');
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        racer.call('POST', '/api/me/tasks', { title: `race ${i}` }),
      ),
    );
    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(CAP);
    expect(statuses.filter((status) => status === 409)).toHaveLength(12 - CAP);
    expect(await held(racer.userId)).toBe(CAP);
  });

  it('meets the rollover that completing a recurring task would add, on every completing path', async () => {
    const carol = await signUp(t.app, 'carol');
    const daily = await carol.call('POST', '/api/me/tasks', {
      title: 'water plants',
      recurrence: { frequency: 'daily' },
    });
    for (let i = 1; i < CAP; i++) await carol.call('POST', '/api/me/tasks', { title: `t${i}` });
    const id = daily.body.id;
    for (const [method, path, body] of [
      ['PATCH', `/api/me/tasks/${id}/complete`, undefined],
      ['PATCH', `/api/me/tasks/${id}`, { completed: true }],
      [
        'PUT',
        `/api/me/tasks/${id}`,
        { title: 'water plants', recurrence: { frequency: 'daily' }, completed: true },
      ],
    ] as const) {
      const refused = await carol.call(method, path, body);
      expect(refused.status, `${method} ${path}`).toBe(409);
      expect(refused.body.error.message).toMatch(/next occurrence/);
    }
    // Nothing changed: the task is still open and still repeats.
    const task = await carol.call('GET', `/api/me/tasks/${id}`);
    expect(task.body.completed).toBe(false);
    expect(task.body.recurrence).toEqual({ frequency: 'daily' });
    expect(await held(carol.userId)).toBe(CAP);
    // Completing a task that does not repeat adds nothing, so the cap does not stand in its way.
    const other = (await carol.call('GET', '/api/me/tasks?q=t1')).body.tasks[0];
    expect((await carol.call('PATCH', `/api/me/tasks/${other.id}/complete`)).status).toBe(200);
  });

  it('reaches the MCP add_task tool as a tool error the model can repeat', async () => {
    const dan = await signUp(t.app, 'dan');
    const client = await connectMcp(t.app, dan.token);
    try {
      for (let i = 0; i < CAP; i++) {
        const added = await client.callTool({ name: 'add_task', arguments: { title: `m${i}` } });
        expect(added.isError, toolText(added)).toBeFalsy();
      }
      const refused = await client.callTool({ name: 'add_task', arguments: { title: 'more' } });
      expect(refused.isError).toBe(true);
      expect(toolText(refused)).toMatch(/already have 3 tasks/);
    } finally {
      await client.close();
    }
    expect(await held(dan.userId)).toBe(CAP);
  });
});
