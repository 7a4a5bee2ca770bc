// Operational endpoints: liveness, readiness, metrics, request ids, headers, API docs.

import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { createAuth } from '../../src/auth/auth.ts';
import { openDatabase } from '../../src/db/client.ts';
import {
  createTestApp,
  engine,
  send,
  signUp,
  TEST_SECRET,
  type TestApp,
  testConfig,
} from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the event loop between statements', () => {
  // On PGlite a statement runs on this thread; without a yield, a chain of requests held the
  // loop for tens of milliseconds while other connections' requests lay unread.
  it('turns while statements and transactions run back to back', async () => {
    let turns = 0;
    let counting = true;
    const countTurn = () => {
      if (!counting) return;
      turns += 1;
      setImmediate(countTurn);
    };
    setImmediate(countTurn);
    for (let i = 0; i < 20; i++) await t.database.db.execute(sql`select ${i}`);
    for (let i = 0; i < 10; i++) await t.database.db.transaction((tx) => tx.execute(sql`select 1`));
    counting = false;
    expect(turns).toBeGreaterThanOrEqual(30);
  });
});

describe('health', () => {
  it('healthz is 200 and readyz is 200 on a migrated database', async () => {
    expect((await send(t.app, 'GET', '/healthz')).status).toBe(200);
    const ready = await send(t.app, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
  });

  it('readyz is 503 from the moment shutdown starts, while healthz stays 200', async () => {
    t.lifecycle.shuttingDown = true;
    try {
      expect((await send(t.app, 'GET', '/readyz')).status).toBe(503);
      expect((await send(t.app, 'GET', '/healthz')).status).toBe(200);
    } finally {
      t.lifecycle.shuttingDown = false;
    }
  });

  it('readyz is 503 on a database that is not migrated', async () => {
    const unmigrated = await createTestApp({ migrate: false });
    try {
      const reply = await send(unmigrated.app, 'GET', '/readyz');
      expect(reply.status).toBe(503);
      expect(reply.body.reason).toMatch(/missing \d+ migration/);
    } finally {
      await unmigrated.close();
    }
  });

  it('readyz is 503 once the database is gone, while healthz stays 200', async () => {
    const closed = await createTestApp();
    await closed.close();
    const ready = await send(closed.app, 'GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.reason).toBe('database unreachable');
    expect((await send(closed.app, 'GET', '/healthz')).status).toBe(200);
  });

  // PGlite runs in-process and cannot become unreachable; this case exists only on PostgreSQL.
  if (engine === 'postgres')
    it('with PostgreSQL unreachable, readyz and API requests fail fast with a clear 503', async () => {
      const database = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/unreachable' });
      const config = testConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/unreachable' });
      const logger = pino({ level: 'silent' });
      const auth = createAuth({ db: database.db, config, secret: TEST_SECRET, logger });
      const app = createApp({ config, database, auth, logger });
      try {
        const started = Date.now();
        const ready = await send(app, 'GET', '/readyz');
        expect(ready.status).toBe(503);
        const reply = await send(app, 'GET', '/api/me/tasks', undefined, {
          authorization: 'Bearer some.token',
        });
        expect(reply.status).toBe(503);
        expect(reply.body.error.code).toBe('service_unavailable');
        expect(reply.headers.get('retry-after')).toBe('5');
        expect(JSON.stringify(reply.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
        expect(Date.now() - started).toBeLessThan(5_000);
      } finally {
        await database.close();
      }
    });
});

// Only PostgreSQL has sessions an operator or a failover can end under a running request.
if (engine === 'postgres') {
  describe('a database session ended mid-transaction', () => {
    it('fails that transaction cleanly instead of crashing the process', async () => {
      const admin = await openDatabase({ url: process.env.TEST_DATABASE_URL });
      try {
        const attempt = t.database.db.transaction(async (tx) => {
          const result = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
            rows: { pid: number }[];
          };
          await admin.db.execute(sql`select pg_terminate_backend(${result.rows[0]?.pid})`);
          await new Promise((resolve) => setTimeout(resolve, 200));
          await tx.execute(sql`select 1`);
        });
        await expect(attempt).rejects.toThrow();
        // The pool recovers by itself: the next request gets a fresh connection.
        expect((await send(t.app, 'GET', '/readyz')).status).toBe(200);
      } finally {
        await admin.close();
      }
    });
  });
}

describe('a request body that stops arriving', () => {
  // What Node fails the body with when the client closes the connection mid-body, or when its
  // parser refuses a malformed chunk: ECONNRESET, but from no socket call of ours.
  const aborted = () => Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
  const brokenBody = () =>
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"title":'));
        controller.error(aborted());
      },
    });

  it('is the client\'s doing: a 400, not a 503 "database unavailable"', async () => {
    const user = await signUp(t.app, 'aborting');
    for (const path of ['/api/me/tasks', '/api/me/chat']) {
      // No Content-Length: the body is read as a stream, as with Transfer-Encoding: chunked.
      const response = await t.app.request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
        body: brokenBody(),
        duplex: 'half',
      } as RequestInit);
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code, path).toBe('unreadable_body');
    }
    const metrics = await (await t.app.request('/metrics')).text();
    expect(metrics).not.toMatch(/method="POST",route="[^"]*",status="503"/);
  });
});

describe('metrics', () => {
  it('counts requests by route pattern and status, with latency histograms and process metrics', async () => {
    const user = await signUp(t.app, 'metrics');
    await user.call('GET', '/api/me/tasks');
    await user.call('GET', '/api/me/tasks/999999');
    const reply = await t.app.request('/metrics');
    expect(reply.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await reply.text();
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/:user_id\/tasks",status="200"\} [1-9]/,
    );
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/:user_id\/tasks\/:id",status="404"\} 1/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/:user_id\/tasks"/,
    );
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toContain('nodejs_heap_size_used_bytes');
    expect(text).not.toMatch(/route="\/api\/me/);
  });
});

describe('request ids and headers', () => {
  it('echoes a well-formed X-Request-Id and generates one otherwise', async () => {
    const given = await send(t.app, 'GET', '/healthz', undefined, { 'x-request-id': 'abc-123' });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const generated = await send(t.app, 'GET', '/healthz');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await send(t.app, 'GET', '/healthz', undefined, {
      'x-request-id': 'bad id <script>',
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('puts the request id in error bodies', async () => {
    const reply = await send(t.app, 'GET', '/api/me/tasks', undefined, {
      'x-request-id': 'trace-me',
    });
    expect(reply.body.error.request_id).toBe('trace-me');
  });

  it('sets security headers', async () => {
    const reply = await send(t.app, 'GET', '/healthz');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
    expect(reply.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('answers a documented path asked with another method with 405 and Allow', async () => {
    const user = await signUp(t.app, 'methods');
    const patch = await user.call('PATCH', '/api/me/tasks', { title: 'x' });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(patch.body.error.code).toBe('method_not_allowed');
    // Not PUT /tasks/{id} with the id "parse": /tasks/parse is its own path, POST only.
    const put = await user.call('PUT', '/api/me/tasks/parse', { text: 'milk' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('POST');
    // Signing in still comes first.
    expect((await send(t.app, 'PATCH', '/api/me/tasks')).status).toBe(401);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const reply = await send(t.app, 'GET', '/api/nothing/here/at/all');
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
  });
});

describe('API documentation', () => {
  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const { status, body } = await send(t.app, 'GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths).sort()).toEqual([
      '/api/assistant',
      '/api/{user_id}/chat',
      '/api/{user_id}/chat/stream',
      '/api/{user_id}/conversations',
      '/api/{user_id}/conversations/{id}',
      '/api/{user_id}/conversations/{id}/messages',
      '/api/{user_id}/tasks',
      '/api/{user_id}/tasks/parse',
      '/api/{user_id}/tasks/{id}',
      '/api/{user_id}/tasks/{id}/complete',
      '/api/{user_id}/tokens',
      '/api/{user_id}/tokens/{id}',
    ]);
    expect(Object.keys(body.paths['/api/{user_id}/tasks/{id}']).sort()).toEqual([
      'delete',
      'get',
      'patch',
      'put',
    ]);
    expect(body.components.schemas.Task.required).toContain('due_at');
    expect(body.components.schemas.CreateTask.properties.title.maxLength).toBe(200);
    expect(body.components.securitySchemes.bearerAuth.scheme).toBe('bearer');
  });

  // Each of these once disagreed with what the code does (Schemathesis, tests/quality).
  it('describes what the code accepts and answers', async () => {
    const { body } = await send(t.app, 'GET', '/api/openapi.json');
    const { schemas } = body.components;
    expect(schemas.CreateTask.properties.due_at.type).toEqual(['string', 'null']);
    expect(schemas.ReplaceTask.allOf).toBeUndefined();
    expect(Object.keys(schemas.ReplaceTask.properties)).toContain('completed');
    expect(schemas.PatchTask.minProperties).toBe(1);
    expect(schemas.CompletionResult.properties.next_task.anyOf).toContainEqual({ type: 'null' });
    expect(schemas.TimeZone.enum).toContain('Asia/Karachi');
    expect(schemas.TimeZone.enum).toContain('UTC');
    const create = body.paths['/api/{user_id}/tasks'].post.responses;
    expect(Object.keys(create).sort()).toEqual(
      ['201', '400', '401', '403', '409', '413', '415', '422', '429', '503'].sort(),
    );
    expect(create['503'].headers['Retry-After']).toBeDefined();
    expect(create['429'].headers['Retry-After']).toBeDefined();
    // Completing a recurring task adds one: the completing paths meet the task cap too.
    const complete = body.paths['/api/{user_id}/tasks/{id}/complete'].patch.responses;
    expect(complete['409']).toBeDefined();
    // At the 50th token, issuing another is a conflict.
    expect(body.paths['/api/{user_id}/tokens'].post.responses['409']).toBeDefined();
    const stream = body.paths['/api/{user_id}/chat/stream'].post.responses['200'].content;
    expect(stream['text/event-stream'].schema.$ref).toBe('#/components/schemas/ChatStreamEvent');
  });

  it('serves a reference UI with its assets from our own origin', async () => {
    const page = await t.app.request('/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/docs/assets/swagger-ui-bundle.js');
    const bundle = await t.app.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect((await t.app.request('/api/docs/assets/..%2Fpackage.json')).status).toBe(404);
  });

  it('finds no asset by the names every object inherits', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const reply = await send(t.app, 'GET', `/api/docs/assets/${name}`);
      expect(reply.status, name).toBe(404);
    }
  });

  it("links Better Auth's own OpenAPI document for the account endpoints", async () => {
    const { body } = await send(t.app, 'GET', '/api/openapi.json');
    expect(body.info.description).toContain('/api/auth/open-api/generate-schema');
    const auth = await send(t.app, 'GET', '/api/auth/open-api/generate-schema');
    expect(auth.status).toBe(200);
    expect(Object.keys(auth.body.paths)).toContain('/sign-in/email');
  });
});
