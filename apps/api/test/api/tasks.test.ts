import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signUp, type TestApp } from '../helpers.ts';

let t: TestApp;
let ann: Client;

beforeAll(async () => {
  t = await createTestApp();
  ann = await signUp(t.app, 'ann');
});
afterAll(() => t.close());

const create = async (client: Client, body: Record<string, unknown>) => {
  const reply = await client.call('POST', '/api/me/tasks', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};

describe('creating and reading tasks', () => {
  it('creates a task with every field and returns the contract shape', async () => {
    const reply = await ann.call('POST', `/api/${ann.userId}/tasks`, {
      title: '  Buy milk  ',
      description: 'Two litres',
      priority: 'high',
      tags: ['#Home', 'errands', 'home'],
      due_at: '2030-01-02T17:00:00+05:00',
      remind_at: '2030-01-02T11:00:00Z',
      recurrence: { frequency: 'weekly', weekdays: ['fri', 'mon'] },
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toBe(`/api/${ann.userId}/tasks/${reply.body.id}`);
    expect(reply.body).toMatchObject({
      user_id: ann.userId,
      title: 'Buy milk',
      description: 'Two litres',
      completed: false,
      completed_at: null,
      priority: 'high',
      tags: ['home', 'errands'],
      due_at: '2030-01-02T12:00:00.000Z',
      remind_at: '2030-01-02T11:00:00.000Z',
      recurrence: { frequency: 'weekly', weekdays: ['mon', 'fri'] },
    });
    expect(Number.isInteger(reply.body.id)).toBe(true);
    const fetched = await ann.call('GET', `/api/me/tasks/${reply.body.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(reply.body);
  });

  it('applies defaults for omitted fields', async () => {
    const task = await create(ann, { title: 'Just a title' });
    expect(task).toMatchObject({
      description: '',
      priority: 'none',
      tags: [],
      due_at: null,
      remind_at: null,
      recurrence: null,
    });
  });

  it('fills in the weekday of a weekly rule from the due date', async () => {
    const task = await create(ann, {
      title: 'Weekly review',
      due_at: '2030-01-04T09:00:00Z', // a Friday
      recurrence: { frequency: 'weekly' },
    });
    expect(task.recurrence).toEqual({ frequency: 'weekly', weekdays: ['fri'] });
  });
});

describe('validation', () => {
  const invalid: [string, Record<string, unknown>, string][] = [
    ['missing title', {}, 'title'],
    ['empty title', { title: '' }, 'title'],
    ['blank title', { title: '    ' }, 'title'],
    ['title of 201 characters', { title: 'x'.repeat(201) }, 'title'],
    ['title not a string', { title: 42 }, 'title'],
    ['NUL in the title', { title: 'a\u0000b' }, 'title'],
    ['NUL in the description', { title: 't', description: '\u0000' }, 'description'],
    [
      'description of 4001 characters',
      { title: 't', description: 'x'.repeat(4001) },
      'description',
    ],
    ['unknown priority', { title: 't', priority: 'urgent' }, 'priority'],
    ['tags not a list', { title: 't', tags: 'home' }, 'tags'],
    ['tag with spaces', { title: 't', tags: ['two words'] }, 'tags.0'],
    ['empty tag', { title: 't', tags: ['#'] }, 'tags.0'],
    ['tag of 33 characters', { title: 't', tags: ['x'.repeat(33)] }, 'tags.0'],
    ['21 tags', { title: 't', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
    ['due date without time zone', { title: 't', due_at: '2030-01-02T17:00:00' }, 'due_at'],
    ['due date that does not exist', { title: 't', due_at: '2030-02-30T10:00:00Z' }, 'due_at'],
    ['due date as a word', { title: 't', due_at: 'tomorrow' }, 'due_at'],
    ['reminder at hour 25', { title: 't', remind_at: '2030-01-02T25:00:00Z' }, 'remind_at'],
    // These offsets made an invalid Date, and the database write a 500 (Schemathesis found it).
    ['due date at offset +25:00', { title: 't', due_at: '2030-01-02T10:00:00+25:00' }, 'due_at'],
    ['due date at offset +23:99', { title: 't', due_at: '2030-01-02T10:00:00+23:99' }, 'due_at'],
    ['due date after the year 9999', { title: 't', due_at: '9999-12-31T23:59:59-00:01' }, 'due_at'],
    [
      'unknown recurrence',
      { title: 't', recurrence: { frequency: 'hourly' } },
      'recurrence.frequency',
    ],
    [
      'weekly on no days',
      { title: 't', recurrence: { frequency: 'weekly', weekdays: [] } },
      'recurrence.weekdays',
    ],
    [
      'weekly on a bad day',
      { title: 't', recurrence: { frequency: 'weekly', weekdays: ['funday'] } },
      'recurrence.weekdays.0',
    ],
    [
      'every 0 days',
      { title: 't', recurrence: { frequency: 'every_n_days', interval: 0 } },
      'recurrence.interval',
    ],
    [
      'every 1.5 days',
      { title: 't', recurrence: { frequency: 'every_n_days', interval: 1.5 } },
      'recurrence.interval',
    ],
    [
      'unknown time zone',
      { title: 't', recurrence: { frequency: 'daily', timezone: 'Mars/Base' } },
      'recurrence.timezone',
    ],
    ['unknown field', { title: 't', colour: 'red' }, '(body)'],
    ['client-chosen id', { title: 't', id: 5 }, '(body)'],
    ['client-chosen owner', { title: 't', user_id: 'someone' }, '(body)'],
  ];

  it.each(invalid)('refuses %s with 422 naming the field', async (_, body, field) => {
    const reply = await ann.call('POST', '/api/me/tasks', body);
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('validation_failed');
    expect(reply.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(reply.body.error.message).toMatch(/^Invalid request\./);
  });

  it('accepts the boundary values', async () => {
    const task = await create(ann, {
      title: 'x'.repeat(200),
      description: 'y'.repeat(4000),
      tags: Array.from({ length: 20 }, (_, i) => `tag-${i}`),
      due_at: '2030-02-28T23:59:59.999Z',
      recurrence: { frequency: 'every_n_days', interval: 365, timezone: 'Asia/Karachi' },
    });
    expect(task.title).toHaveLength(200);
    expect(task.description).toHaveLength(4000);
    expect(task.tags).toHaveLength(20);
  });

  it('accepts tags in any script', async () => {
    const task = await create(ann, { title: 'سودا', tags: ['گھر', 'Work_2'] });
    expect(task.tags).toEqual(['گھر', 'work_2']);
  });

  it('checks a tag before lowercasing it: İ is a letter, its lowercase a letter and a mark', async () => {
    const task = await create(ann, { title: 't', tags: [' #İstanbul '] });
    expect(task.tags).toEqual(['İstanbul'.toLowerCase()]);
  });

  it('accepts offsets up to ±23:59 and the last second of 9999 in UTC', async () => {
    const task = await create(ann, {
      title: 't',
      due_at: '2030-01-02T10:00:00+23:59',
      remind_at: '9999-12-31T23:59:59Z',
    });
    expect(task.due_at).toBe('2030-01-01T10:01:00.000Z');
    expect(task.remind_at).toBe('9999-12-31T23:59:59.000Z');
  });

  it('answers malformed JSON with 400 and a wrong content type with 415', async () => {
    const malformed = await ann.call('POST', '/api/me/tasks', '{"title": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_json');
    const wrongType = await ann.call('POST', '/api/me/tasks', 'title=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.error.code).toBe('unsupported_media_type');
  });

  it('refuses a body over the size limit with 413', async () => {
    const reply = await ann.call('POST', '/api/me/tasks', {
      title: 't',
      description: 'x'.repeat(2_000_000),
    });
    expect(reply.status).toBe(413);
    expect(reply.body.error.code).toBe('payload_too_large');
  });

  it.each([
    ['abc', 'id'],
    ['0', 'id'],
    ['-1', 'id'],
    ['1.5', 'id'],
    ['99999999999', 'id'],
  ])('refuses task id %s with 400', async (id, field) => {
    const reply = await ann.call('GET', `/api/me/tasks/${id}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.details[0].field).toBe(field);
  });

  it.each([
    ['status=done', 'status'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=ten', 'limit'],
    ['offset=-1', 'offset'],
    ['sort=colour', 'sort'],
    ['order=up', 'order'],
    ['due=tomorrow', 'due'],
    ['priority=urgent', 'priority'],
    ['tz=Nowhere/City', 'tz'],
    ['colour=red', '(body)'],
  ])('refuses the list query %s with 400', async (query, field) => {
    const reply = await ann.call('GET', `/api/me/tasks?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses an empty PATCH', async () => {
    const task = await create(ann, { title: 'patch me' });
    const reply = await ann.call('PATCH', `/api/me/tasks/${task.id}`, {});
    expect(reply.status).toBe(422);
  });
});

describe('updating', () => {
  it('PATCH changes only the given fields', async () => {
    const task = await create(ann, { title: 'Old', priority: 'low', tags: ['a'] });
    const reply = await ann.call('PATCH', `/api/me/tasks/${task.id}`, {
      title: 'New',
      due_at: '2031-05-05T05:05:05Z',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      title: 'New',
      priority: 'low',
      tags: ['a'],
      due_at: '2031-05-05T05:05:05.000Z',
    });
    expect(new Date(reply.body.updated_at).getTime()).toBeGreaterThanOrEqual(
      new Date(task.updated_at).getTime(),
    );
  });

  it('PATCH with null clears a due date', async () => {
    const task = await create(ann, { title: 'Dated', due_at: '2031-01-01T00:00:00Z' });
    const reply = await ann.call('PATCH', `/api/me/tasks/${task.id}`, { due_at: null });
    expect(reply.body.due_at).toBeNull();
  });

  it('PUT replaces every field, resetting omitted ones', async () => {
    const task = await create(ann, {
      title: 'Full',
      priority: 'high',
      tags: ['x'],
      description: 'd',
    });
    const reply = await ann.call('PUT', `/api/me/tasks/${task.id}`, { title: 'Replaced' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      title: 'Replaced',
      priority: 'none',
      tags: [],
      description: '',
    });
  });

  it('PUT requires a title', async () => {
    const task = await create(ann, { title: 'Needs title' });
    const reply = await ann.call('PUT', `/api/me/tasks/${task.id}`, { priority: 'low' });
    expect(reply.status).toBe(422);
  });

  it('PATCH completed:true sets completed_at, and false clears it', async () => {
    const task = await create(ann, { title: 'Finish' });
    const done = await ann.call('PATCH', `/api/me/tasks/${task.id}`, { completed: true });
    expect(done.body.completed).toBe(true);
    expect(done.body.completed_at).not.toBeNull();
    const again = await ann.call('PATCH', `/api/me/tasks/${task.id}`, { completed: true });
    expect(again.status).toBe(200);
    expect(again.body.completed_at).toBe(done.body.completed_at);
    const undone = await ann.call('PATCH', `/api/me/tasks/${task.id}`, { completed: false });
    expect(undone.body).toMatchObject({ completed: false, completed_at: null });
  });
});

describe('completion toggle and recurrence', () => {
  it('toggles completion back and forth', async () => {
    const task = await create(ann, { title: 'Toggle' });
    const first = await ann.call('PATCH', `/api/me/tasks/${task.id}/complete`);
    expect(first.status).toBe(200);
    expect(first.body.task.completed).toBe(true);
    expect(first.body.next_task).toBeNull();
    const second = await ann.call('PATCH', `/api/me/tasks/${task.id}/complete`);
    expect(second.body.task.completed).toBe(false);
  });

  it('accepts an empty body labelled as JSON', async () => {
    const task = await create(ann, { title: 'Labelled' });
    const reply = await ann.call('PATCH', `/api/me/tasks/${task.id}/complete`, undefined, {
      'content-type': 'application/json',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.task.completed).toBe(true);
  });

  it('sets an explicit state when asked', async () => {
    const task = await create(ann, { title: 'Explicit' });
    const reply = await ann.call('PATCH', `/api/me/tasks/${task.id}/complete`, {
      completed: false,
    });
    expect(reply.body.task.completed).toBe(false);
  });

  it('completing a recurring task creates the next occurrence with the same details', async () => {
    const due = new Date(Date.now() + 2 * 86_400_000);
    due.setUTCHours(9, 0, 0, 0);
    const remind = new Date(due.getTime() - 3_600_000);
    const task = await create(ann, {
      title: 'Water plants',
      description: 'balcony',
      priority: 'medium',
      tags: ['home'],
      due_at: due.toISOString(),
      remind_at: remind.toISOString(),
      recurrence: { frequency: 'every_n_days', interval: 3 },
    });
    const reply = await ann.call('PATCH', `/api/me/tasks/${task.id}/complete`);
    expect(reply.status).toBe(200);
    const { task: done, next_task: next } = reply.body;
    expect(done).toMatchObject({ id: task.id, completed: true, recurrence: null });
    expect(next).toMatchObject({
      title: 'Water plants',
      description: 'balcony',
      priority: 'medium',
      tags: ['home'],
      completed: false,
      recurrence: { frequency: 'every_n_days', interval: 3 },
      due_at: new Date(due.getTime() + 3 * 86_400_000).toISOString(),
      remind_at: new Date(remind.getTime() + 3 * 86_400_000).toISOString(),
    });
    expect(next.id).not.toBe(task.id);

    // Reopening and completing the finished occurrence again must not start a second series.
    await ann.call('PATCH', `/api/me/tasks/${task.id}/complete`);
    const again = await ann.call('PATCH', `/api/me/tasks/${task.id}/complete`);
    expect(again.body.next_task).toBeNull();
    const series = await ann.call('GET', '/api/me/tasks?q=Water%20plants&status=pending');
    expect(series.body.total).toBe(1);
  });

  it('an overdue daily task rolls over to its next future date', async () => {
    const task = await create(ann, {
      title: 'Daily standup',
      due_at: '2020-03-01T08:30:00Z',
      recurrence: { frequency: 'daily' },
    });
    const { body } = await ann.call('PATCH', `/api/me/tasks/${task.id}/complete`);
    const next = new Date(body.next_task.due_at);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect(next.toISOString()).toMatch(/T08:30:00\.000Z$/);
  });

  it('completing through PATCH completed:true also rolls a recurring task over', async () => {
    const task = await create(ann, { title: 'Monthly rent', recurrence: { frequency: 'monthly' } });
    await ann.call('PATCH', `/api/me/tasks/${task.id}`, { completed: true });
    const pending = await ann.call('GET', '/api/me/tasks?q=Monthly%20rent&status=pending');
    expect(pending.body.total).toBe(1);
    expect(pending.body.tasks[0].recurrence).toEqual({ frequency: 'monthly' });
  });
});

describe('deleting', () => {
  it('deletes a task and returns it; a second delete is 404', async () => {
    const task = await create(ann, { title: 'Delete me' });
    const reply = await ann.call('DELETE', `/api/me/tasks/${task.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body.id).toBe(task.id);
    expect((await ann.call('GET', `/api/me/tasks/${task.id}`)).status).toBe(404);
    const again = await ann.call('DELETE', `/api/me/tasks/${task.id}`);
    expect(again.status).toBe(404);
    expect(again.body.error).toMatchObject({
      code: 'task_not_found',
      message: `Task ${task.id} was not found.`,
    });
  });
});

describe('reading a quick-add line', () => {
  const parse = async (text: string, time_zone = 'UTC') => {
    const reply = await ann.call('POST', '/api/me/tasks/parse', { text, time_zone });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.tasks;
  };

  it('extracts the title, due date, tags and priority the way the assistant does', async () => {
    const [task] = await parse('Buy milk tomorrow at 6pm #home high priority', 'Asia/Karachi');
    expect(task).toMatchObject({ title: 'Buy milk', tags: ['home'], priority: 'high' });
    const due = new Date(task.due_at);
    expect(due.getTime()).toBeGreaterThan(Date.now());
    expect(due.getUTCHours()).toBe(13); // 18:00 in Karachi
  });

  it('reads recurrence, several tasks, and Urdu', async () => {
    expect((await parse('water plants every monday'))[0].recurrence).toMatchObject({
      frequency: 'weekly',
      weekdays: ['mon'],
    });
    expect(
      (await parse('milk, eggs and bread')).map((t: { title: string }) => t.title.toLowerCase()),
    ).toEqual(['milk', 'eggs', 'bread']);
    const [urdu] = await parse('کل دودھ خریدنا');
    expect(urdu.title).toMatch(/دودھ/);
    expect(urdu.due_at).toBeTruthy();
  });

  it('returns tasks that POST /tasks accepts as they are, and saves nothing itself', async () => {
    const before = (await ann.call('GET', '/api/me/tasks')).body.total;
    const tasks = await parse('Pay rent on friday #bills urgent');
    expect((await ann.call('GET', '/api/me/tasks')).body.total).toBe(before);
    const created = await ann.call('POST', '/api/me/tasks', tasks[0]);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ tags: ['bills'], priority: 'high' });
  });

  it('refuses an empty line', async () => {
    const reply = await ann.call('POST', '/api/me/tasks/parse', { text: '  ' });
    expect(reply.status).toBe(422);
  });
});
