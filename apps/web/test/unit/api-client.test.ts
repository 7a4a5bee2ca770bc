import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, buildUrl, onUnauthorized } from '../../lib/api-client';
import { ACCOUNT_NOT_CREATED, signIn, signUp } from '../../lib/auth-api';
import { streamChat } from '../../lib/chat-stream';

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetchMock = vi.fn(
    async () =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  onUnauthorized(undefined);
});

describe('apiRequest', () => {
  it('sends JSON with the session cookie and reads JSON back', async () => {
    const fetchMock = respond(200, { tasks: [] });
    expect(await apiRequest('POST', '/api/me/tasks', { body: { title: 'x' } })).toEqual({
      tasks: [],
    });
    expect(fetchMock).toHaveBeenCalledWith('/api/me/tasks', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: '{"title":"x"}',
      signal: undefined,
    });
  });

  it('reads the API error shape, details included', async () => {
    respond(422, {
      error: {
        code: 'validation_failed',
        message: 'Invalid request. title: must not be empty',
        details: [{ field: 'title', message: 'must not be empty' }],
      },
    });
    const error = await apiRequest('POST', '/api/me/tasks').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'validation_failed',
      message: 'Invalid request. title: must not be empty',
      details: [{ field: 'title', message: 'must not be empty' }],
    });
  });

  it('turns Better Auth errors into sentences', async () => {
    respond(401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' });
    await expect(signIn('a@b.co', 'wrong')).rejects.toThrow(
      'That email and password do not match an account.',
    );
    respond(429, '');
    await expect(signIn('a@b.co', 'wrong')).rejects.toThrow('Too many attempts');
  });

  it('shows how long to wait when the server says so', async () => {
    const message = 'Too many attempts for this account. Try again in 30 seconds.';
    respond(429, { error: { code: 'too_many_attempts', message } }, { 'retry-after': '30' });
    await expect(signIn('a@b.co', 'wrong')).rejects.toThrow(message);
  });

  it('says so when a sign-up creates no account (the email already has one)', async () => {
    respond(200, { token: null, user: { id: 'x', email: 'a@b.co', name: 'A' } });
    await expect(signUp('A', 'a@b.co', 'long enough')).rejects.toThrow(ACCOUNT_NOT_CREATED);
    respond(200, { token: 'session', user: { id: 'x', email: 'a@b.co', name: 'A' } });
    await expect(signUp('A', 'a@b.co', 'long enough')).resolves.toBeUndefined();
  });

  it('reports an ended session, but not a refused sign-in, to the app', async () => {
    const handler = vi.fn();
    onUnauthorized(handler);
    respond(401, { error: { code: 'unauthorized', message: 'Sign in first.' } });
    await expect(apiRequest('GET', '/api/me/tasks')).rejects.toThrow('Sign in first.');
    expect(handler).toHaveBeenCalledTimes(1);
    respond(401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'no' });
    await expect(apiRequest('POST', '/api/auth/sign-in/email')).rejects.toThrow();
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('says so when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(apiRequest('GET', '/api/me/tasks')).rejects.toMatchObject({
      code: 'network_error',
      status: 0,
    });
  });

  it('leaves empty query values out of the URL', () => {
    expect(buildUrl('/api/me/tasks', { q: '', tag: undefined, status: 'pending', limit: 5 })).toBe(
      '/api/me/tasks?status=pending&limit=5',
    );
  });
});

describe('streamChat', () => {
  const sse = (text: string) =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(text, { headers: { 'content-type': 'text/event-stream' } })),
    );

  it('hands each event to the caller and returns the finished reply', async () => {
    const call = { name: 'add_task', arguments: { title: 'Milk' }, result: { title: 'Milk' } };
    const done = {
      conversation_id: 4,
      message_id: 9,
      response: 'Added "Milk".',
      tool_calls: [call],
    };
    sse(
      [
        'event: conversation\ndata: {"conversation_id":4}\n\n',
        'event: delta\ndata: {"text":"Added "}\n\n',
        `event: tool_call\ndata: ${JSON.stringify(call)}\n\n`,
        'event: delta\ndata: {"text":"\\"Milk\\"."}\n\n',
        `event: done\ndata: ${JSON.stringify(done)}\n\n`,
      ].join(''),
    );
    const seen: string[] = [];
    const reply = await streamChat(
      { message: 'add milk', timeZone: 'UTC' },
      {
        onConversation: (id) => seen.push(`conversation ${id}`),
        onDelta: (text) => seen.push(`delta ${text}`),
        onToolCall: (toolCall) => seen.push(`tool ${toolCall.name}`),
      },
    );
    expect(seen).toEqual(['conversation 4', 'delta Added ', 'tool add_task', 'delta "Milk".']);
    expect(reply).toEqual(done);
  });

  it('fails with the conversation the message was stored in', async () => {
    sse(
      'event: conversation\ndata: {"conversation_id":5}\n\nevent: error\ndata: {"error":{"code":"assistant_timeout","message":"Too slow."}}\n\n',
    );
    await expect(streamChat({ message: 'hi', timeZone: 'UTC' }, {})).rejects.toMatchObject({
      code: 'assistant_timeout',
      message: 'Too slow.',
      conversationId: 5,
    });
  });

  it('treats a stream that stops before "done" as a failure', async () => {
    sse('event: delta\ndata: {"text":"Add"}\n\n');
    await expect(streamChat({ message: 'hi', timeZone: 'UTC' }, {})).rejects.toMatchObject({
      code: 'stream_ended',
    });
  });
});
