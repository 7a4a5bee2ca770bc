// Listing: status, search, priority, tag and due filters, sorting and paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signUp, type TestApp } from '../helpers.ts';

let t: TestApp;
let lee: Client;
const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  lee = await signUp(t.app, 'lee');
  const seed = [
    { title: 'Alpha report', priority: 'high', tags: ['work'], due_at: hours(-48) },
    {
      title: 'buy Bread',
      priority: 'low',
      tags: ['home', 'errands'],
      description: 'sourdough 50%',
    },
    { title: 'Call plumber', priority: 'medium', tags: ['home'], due_at: hours(24 * 3) },
    { title: 'Dentist', due_at: hours(24 * 20) },
    { title: 'Email_boss', priority: 'high', tags: ['work'] },
  ];
  for (const task of seed) await lee.call('POST', '/api/me/tasks', task);
  const list = await lee.call('GET', '/api/me/tasks?q=Dentist');
  await lee.call('PATCH', `/api/me/tasks/${list.body.tasks[0].id}/complete`);
});
afterAll(() => t.close());

const titles = async (query: string) => {
  const reply = await lee.call('GET', `/api/me/tasks?${query}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.tasks.map((task: { title: string }) => task.title);
};

describe('filters', () => {
  it('status', async () => {
    expect(await titles('status=completed')).toEqual(['Dentist']);
    expect(await titles('status=pending')).toHaveLength(4);
    expect(await titles('status=all')).toHaveLength(5);
  });

  it('search is case-insensitive over title and description, with wildcards taken literally', async () => {
    expect(await titles('q=BREAD')).toEqual(['buy Bread']);
    expect(await titles('q=sourdough')).toEqual(['buy Bread']);
    expect(await titles('q=50%25')).toEqual(['buy Bread']);
    expect(await titles('q=_')).toEqual(['Email_boss']);
    expect(await titles('q=nothing-matches')).toEqual([]);
  });

  it('priority and tag', async () => {
    expect((await titles('priority=high&sort=title')).sort()).toEqual([
      'Alpha report',
      'Email_boss',
    ]);
    expect(await titles('tag=home&sort=title')).toEqual(['buy Bread', 'Call plumber']);
    expect(await titles('tag=%23Errands')).toEqual(['buy Bread']);
  });

  it('due: overdue, week, none and today', async () => {
    expect(await titles('due=overdue')).toEqual(['Alpha report']);
    expect(await titles('due=week')).toEqual(['Call plumber']);
    expect(await titles('due=none&sort=title')).toEqual(['buy Bread', 'Email_boss']);
    const todayTask = await lee.call('POST', '/api/me/tasks', {
      title: 'Today thing',
      due_at: new Date().toISOString(),
    });
    expect(await titles('due=today&tz=UTC')).toContain('Today thing');
    await lee.call('DELETE', `/api/me/tasks/${todayTask.body.id}`);
  });

  it('combines filters', async () => {
    expect(await titles('status=pending&tag=work&priority=high&q=email')).toEqual(['Email_boss']);
  });
});

describe('sorting', () => {
  it('by title, case-insensitively, both ways', async () => {
    const asc = await titles('sort=title');
    expect(asc).toEqual(['Alpha report', 'buy Bread', 'Call plumber', 'Dentist', 'Email_boss']);
    expect(await titles('sort=title&order=desc')).toEqual([...asc].reverse());
  });

  it('by due date with undated tasks last', async () => {
    const order = await titles('sort=due');
    expect(order.slice(0, 3)).toEqual(['Alpha report', 'Call plumber', 'Dentist']);
    const desc = await titles('sort=due&order=desc');
    expect(desc.slice(0, 3)).toEqual(['Dentist', 'Call plumber', 'Alpha report']);
  });

  it('by priority, highest first by default', async () => {
    const order = await titles('sort=priority');
    expect(order.slice(0, 2).sort()).toEqual(['Alpha report', 'Email_boss']);
    expect(order[2]).toBe('Call plumber');
    expect(order[3]).toBe('buy Bread');
  });

  it('by creation, newest first by default', async () => {
    expect((await titles('sort=created'))[0]).toBe('Email_boss');
    expect((await titles('sort=created&order=asc'))[0]).toBe('Alpha report');
  });
});

describe('paging', () => {
  it('limit and offset page through with a stable total', async () => {
    const first = await lee.call('GET', '/api/me/tasks?sort=title&limit=2');
    const second = await lee.call('GET', '/api/me/tasks?sort=title&limit=2&offset=2');
    const beyond = await lee.call('GET', '/api/me/tasks?sort=title&limit=2&offset=10');
    expect(first.body).toMatchObject({ total: 5, limit: 2, offset: 0 });
    expect(first.body.tasks.map((x: { title: string }) => x.title)).toEqual([
      'Alpha report',
      'buy Bread',
    ]);
    expect(second.body.tasks.map((x: { title: string }) => x.title)).toEqual([
      'Call plumber',
      'Dentist',
    ]);
    expect(beyond.body).toMatchObject({ total: 5, tasks: [] });
  });

  it('gives the same total whether the page is full, the last one, or filtered', async () => {
    const total = async (query: string) =>
      (await lee.call('GET', `/api/me/tasks?${query}`)).body.total;
    for (const query of ['limit=2', 'limit=5', 'limit=200', 'limit=2&offset=4', 'offset=3'])
      expect(await total(query), query).toBe(5);
    expect(await total('q=report&limit=1')).toBe(await total('q=report&limit=200'));
  });
});

describe('the page the database serialises', () => {
  it('holds each task exactly as the single-task endpoint serves it, field for field and in order', async () => {
    const ali = await signUp(t.app, 'ali-json');
    const full = await ali.call('POST', '/api/me/tasks', {
      title: 'Quote "this" \\ and دودھ 🥛',
      description: 'line one\nline two\ttabbed \u0001',
      priority: 'high',
      tags: ['work', 'ghar_kaam', 'دفتر'],
      due_at: '2031-02-03T04:05:06.789Z',
      remind_at: '2031-02-03T03:35:06.001Z',
      recurrence: { frequency: 'weekly', weekdays: ['mon', 'fri'] },
    });
    expect(full.status, JSON.stringify(full.body)).toBe(201);
    await ali.call('POST', '/api/me/tasks', { title: 'bare' });
    const done = await ali.call('POST', '/api/me/tasks', {
      title: 'done',
      due_at: '9999-12-31T23:59:59.999Z',
    });
    await ali.call('PATCH', `/api/me/tasks/${done.body.id}/complete`);

    const list = await ali.call('GET', '/api/me/tasks?status=all&sort=title');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toMatch(/^application\/json/);
    expect(list.body.tasks).toHaveLength(3);
    for (const task of list.body.tasks) {
      const single = await ali.call('GET', `/api/me/tasks/${task.id}`);
      expect(task).toEqual(single.body);
      expect(Object.keys(task)).toEqual(Object.keys(single.body));
    }
  });
});
