// The real server's bounds on hostile clients: slow headers and bodies are cut off, idle
// connections live as long as configured, connections beyond the cap are refused, and a body
// cut short is logged as the client's doing, on JSON lines only.
import { once } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sleep } from '@todo-chatbot/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, signUpOver, startServer, stopAllServers } from './server-process.ts';

let server: ServerProcess;
let port: number;
let token: string;
let signedUpAt: number;
beforeAll(async () => {
  server = await startServer({
    DATA_DIR: await mkdtemp(path.join(tmpdir(), 'todo-http-limits-')),
    HTTP_REQUEST_TIMEOUT_MS: '2000',
    HTTP_HEADERS_TIMEOUT_MS: '1000',
    HTTP_KEEP_ALIVE_TIMEOUT_MS: '2500',
    HTTP_CONNECTIONS_MAX: '4',
  });
  port = Number(new URL(server.url).port);
  token = await signUpOver(server.url, 'limits@example.com');
  signedUpAt = Date.now();
});
afterAll(stopAllServers);

interface Conversation {
  socket: Socket;
  /** Everything the server sent so far. */
  received: () => string;
  /** Milliseconds from opening to the server closing the connection. */
  closed: Promise<number>;
}

async function open(): Promise<Conversation> {
  const socket = connect(port, '127.0.0.1');
  const opened = Date.now();
  let received = '';
  socket.on('data', (chunk) => (received += chunk));
  socket.on('error', () => {});
  // Not events.once: a reset (how a refused connection may end) would reject it.
  const closed = new Promise<number>((resolve) =>
    socket.on('close', () => resolve(Date.now() - opened)),
  );
  await new Promise((resolve) => socket.once('connect', resolve));
  return { socket, received: () => received, closed };
}

/** Writes `parts` one by one, `everyMs` apart, until the server closes the connection. */
async function trickle(conversation: Conversation, parts: string[], everyMs: number) {
  for (const part of parts) {
    if (conversation.socket.destroyed) return;
    conversation.socket.write(part);
    await sleep(everyMs);
  }
}

describe('slow clients', () => {
  it('cuts off a body that arrives too slowly after HTTP_REQUEST_TIMEOUT_MS with 408', async () => {
    const slow = await open();
    // Signed in, so the handler waits for the body instead of answering 401 at once.
    const head = `POST /api/me/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
    void trickle(slow, [head, ...Array.from({ length: 40 }, () => ' ')], 250);
    const closedAfter = await slow.closed;
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
    // Node checks every second (TIMEOUT_CHECK_MS): cut between 2 and about 3 s, not 300 s.
    expect(closedAfter).toBeGreaterThanOrEqual(1_900);
    expect(closedAfter).toBeLessThan(4_500);
  });

  it('cuts off headers that arrive too slowly after HTTP_HEADERS_TIMEOUT_MS', async () => {
    const slow = await open();
    const lines = [
      'GET /healthz HTTP/1.1\r\n',
      ...Array.from({ length: 30 }, (_, i) => `X-${i}: 1\r\n`),
    ];
    void trickle(slow, lines, 200);
    const closedAfter = await slow.closed;
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfter).toBeGreaterThanOrEqual(900);
    expect(closedAfter).toBeLessThan(3_500);
  });

  it('keeps an idle connection HTTP_KEEP_ALIVE_TIMEOUT_MS, then closes it', async () => {
    const idle = await open();
    idle.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await once(idle.socket, 'data');
    expect(idle.received()).toMatch(/Keep-Alive: timeout=2/i);
    const closedAfter = await idle.closed;
    expect(closedAfter).toBeGreaterThanOrEqual(2_400);
    expect(closedAfter).toBeLessThan(5_500);
  });
});

describe('the connection cap', () => {
  it('closes connections beyond HTTP_CONNECTIONS_MAX at once, and serves again below it', async () => {
    // fetch's keep-alive connection from the sign-up counts until the server closes it.
    await sleep(Math.max(0, signedUpAt + 3_600 - Date.now()));
    const held = await Promise.all(Array.from({ length: 4 }, open));
    for (const conversation of held) {
      conversation.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    }
    await sleep(300);
    for (const conversation of held) expect(conversation.received()).toMatch(/^HTTP\/1\.1 200/);
    const extra = await open();
    extra.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(await extra.closed).toBeLessThan(1_000);
    expect(extra.received()).toBe('');

    held[0]?.socket.destroy();
    await sleep(200);
    const reply = await fetch(`${server.url}/healthz`, { headers: { connection: 'close' } });
    expect(reply.status).toBe(200);
    for (const conversation of held) conversation.socket.destroy();
    await sleep(200);
  });
});

describe('a body cut short', () => {
  it('is no database outage: no 503, no "database unavailable", and every output line is JSON', async () => {
    const auth = `Authorization: Bearer ${token}\r\n`;
    const head = (path: string, framing: string) =>
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n${framing}\r\n`;
    for (const path of ['/api/me/tasks', '/api/me/chat', '/mcp', '/api/auth/sign-in/email']) {
      // The client goes away mid-body; then a chunk size that is not hexadecimal.
      for (const request of [
        `${head(path, 'Content-Length: 100\r\n')}{"title":`,
        `${head(path, 'Transfer-Encoding: chunked\r\n')}5\r\n{"tit\r\n`,
        `${head(path, 'Transfer-Encoding: chunked\r\n')}5\r\n{"tit\r\nzz\r\nxx\r\n`,
      ]) {
        const client = await open();
        client.socket.write(request);
        await sleep(150);
        client.socket.destroy();
      }
    }
    await sleep(500);
    const lines = server.output().split('\n').filter(Boolean);
    const records = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`not a JSON line: ${line}`);
      }
    });
    expect(records.filter((record) => record.status === 503)).toEqual([]);
    expect(records.filter((record) => record.status === 500)).toEqual([]);
    expect(server.output()).not.toContain('database unavailable');
    expect(records.some((record) => record.msg === 'request body unreadable')).toBe(true);
  });
});
