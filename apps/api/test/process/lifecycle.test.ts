// The real process: graceful shutdown with an in-flight request, and data that survives a restart.

import { once } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sleep } from '@todo-chatbot/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { signUpOver, startServer, stopAllServers } from './server-process.ts';

afterEach(stopAllServers);

describe('graceful shutdown', () => {
  it('fails readiness at once, finishes an in-flight request after SIGTERM, then exits 0', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'todo-shutdown-'));
    const server = await startServer({
      DATA_DIR: dataDir,
      SHUTDOWN_DELAY_MS: '700',
      SHUTDOWN_TIMEOUT_MS: '5000',
    });
    const token = await signUpOver(server.url, 'shutdown@example.com');

    // Start a request whose body is still arriving when the signal lands.
    const body = JSON.stringify({ title: 'Written during shutdown' });
    const { port } = new URL(server.url);
    const inFlight = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/me/tasks',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    const response = new Promise<{ status: number; text: string; connection?: string }>(
      (resolve, reject) => {
        inFlight.on('response', (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text, connection: res.headers.connection }),
          );
        });
        inFlight.on('error', reject);
      },
    );
    inFlight.write(body.slice(0, 10));
    await sleep(100);

    server.child.kill('SIGTERM');
    await sleep(150);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await sleep(900); // past the delay: the listener is closed, the request is still in flight
    inFlight.end(body.slice(10));
    const result = await response;
    expect(result.status, result.text).toBe(201);
    expect(JSON.parse(result.text).title).toBe('Written during shutdown');
    expect(result.connection).toBe('close');

    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutdown complete');
  });
});

describe('keep-alive', () => {
  it("keeps an idle connection open longer than Node's 5 s default, as proxies expect", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'todo-keepalive-'));
    const server = await startServer({ DATA_DIR: dataDir });
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    let closedAt: number | undefined;
    socket.on('close', () => {
      closedAt = Date.now();
    });
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    await once(socket, 'data');
    await sleep(7_000);
    expect(closedAt).toBeUndefined();
    socket.destroy();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});

describe('restart', () => {
  it('keeps accounts, sessions and tasks across a restart of single-process mode', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'todo-restart-'));
    const first = await startServer({ DATA_DIR: dataDir });
    const token = await signUpOver(first.url, 'restart@example.com');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${first.url}/api/me/tasks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Survives restarts', recurrence: { frequency: 'daily' } }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    await fetch(`${first.url}/api/me/tasks/${id}/complete`, { method: 'PATCH', headers });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startServer({ DATA_DIR: dataDir });
    try {
      const list = await fetch(`${second.url}/api/me/tasks?sort=created&order=asc`, { headers });
      expect(list.status).toBe(200);
      const page = (await list.json()) as {
        total: number;
        tasks: { title: string; completed: boolean }[];
      };
      expect(page.total).toBe(2);
      expect(page.tasks.map((task) => task.completed)).toEqual([true, false]);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });

  it('stops with a message naming the variable when the configuration is bad', async () => {
    await expect(startServer({ PORT: 'x', MIGRATE_ON_START: 'perhaps' })).rejects.toThrow(
      /MIGRATE_ON_START: must be true or false/,
    );
  });
});

describe('stateless chat', () => {
  it('resumes a conversation after a restart: "the second one" still means the task listed before', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'todo-chat-'));
    const first = await startServer({ DATA_DIR: dataDir });
    const token = await signUpOver(first.url, 'chat-restart@example.com');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const chat = async (url: string, message: string, conversationId?: number) => {
      const response = await fetch(`${url}/api/me/chat`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ message, conversation_id: conversationId }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as {
        conversation_id: number;
        tool_calls: { name: string; arguments: { task_id?: number }; result: unknown }[];
      };
    };
    const added = await chat(first.url, 'add buy stamps, post the letter and call grandma');
    const listed = await chat(first.url, 'show my pending tasks', added.conversation_id);
    const shown = listed.tool_calls[0]?.result as { id: number; title: string }[];
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startServer({ DATA_DIR: dataDir });
    try {
      const done = await chat(second.url, 'mark the second one as done', added.conversation_id);
      const completed = done.tool_calls.find((call) => call.name === 'complete_task');
      expect(completed?.arguments.task_id).toBe(shown[1]?.id);
      const task = await fetch(`${second.url}/api/me/tasks/${shown[1]?.id}`, { headers });
      expect(((await task.json()) as { completed: boolean }).completed).toBe(true);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
