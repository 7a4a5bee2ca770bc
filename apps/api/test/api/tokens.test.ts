// Personal API tokens: issued once, usable on REST, MCP and chat, revocable, owner-scoped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, send, signUp, type TestApp } from '../helpers.ts';
import { connectMcp, toolText } from '../mcp-client.ts';

let t: TestApp;
let ann: Client;
let bob: Client;

beforeAll(async () => {
  t = await createTestApp();
  ann = await signUp(t.app, 'ann');
  bob = await signUp(t.app, 'bob');
});
afterAll(() => t.close());

const withToken = (token: string, method: string, path: string, body?: unknown) =>
  send(t.app, method, path, body, { authorization: `Bearer ${token}` });

describe('personal API tokens', () => {
  it('issues a token once and lists it afterwards without the secret', async () => {
    const created = await ann.call('POST', '/api/me/tokens', { name: '  Cursor  ' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^todo_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({
      name: 'Cursor',
      prefix: created.body.token.slice(0, 12),
      last_used_at: null,
    });
    const list = await ann.call('GET', '/api/me/tokens');
    expect(list.body.tokens).toEqual([
      {
        id: created.body.id,
        name: 'Cursor',
        prefix: created.body.prefix,
        created_at: created.body.created_at,
        last_used_at: null,
      },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
  });

  it('authenticates REST, chat and MCP as its owner, and records its use', async () => {
    const { body } = await ann.call('POST', '/api/me/tokens', { name: 'scripts' });
    const created = await withToken(body.token, 'POST', '/api/me/tasks', { title: 'Via token' });
    expect(created.status).toBe(201);
    expect(created.body.user_id).toBe(ann.userId);
    const chat = await withToken(body.token, 'POST', '/api/me/chat', { message: 'show my tasks' });
    expect(chat.status).toBe(200);
    expect(chat.body.response).toContain('Via token');
    const mcp = await connectMcp(t.app, body.token);
    try {
      const listed = await mcp.callTool({ name: 'list_tasks', arguments: { q: 'Via token' } });
      expect(JSON.parse(toolText(listed))).toHaveLength(1);
    } finally {
      await mcp.close();
    }
    const list = await ann.call('GET', '/api/me/tokens');
    const used = list.body.tokens.find((token: { id: number }) => token.id === body.id);
    expect(used.last_used_at).not.toBeNull();
  });

  it('cannot be used to manage tokens', async () => {
    const { body } = await ann.call('POST', '/api/me/tokens', { name: 'limited' });
    for (const [method, path, payload] of [
      ['GET', '/api/me/tokens', undefined],
      ['POST', '/api/me/tokens', { name: 'escalate' }],
      ['DELETE', `/api/me/tokens/${body.id}`, undefined],
    ] as const) {
      const reply = await withToken(body.token, method, path, payload);
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(reply.body.error.code).toBe('session_required');
    }
  });

  it('stops working the moment it is revoked', async () => {
    const { body } = await ann.call('POST', '/api/me/tokens', { name: 'short-lived' });
    expect((await withToken(body.token, 'GET', '/api/me/tasks')).status).toBe(200);
    const revoked = await ann.call('DELETE', `/api/me/tokens/${body.id}`);
    expect(revoked.status).toBe(200);
    expect((await withToken(body.token, 'GET', '/api/me/tasks')).status).toBe(401);
    await expect(connectMcp(t.app, body.token)).rejects.toThrow(/401|authoriz/i);
    expect((await ann.call('DELETE', `/api/me/tokens/${body.id}`)).status).toBe(404);
  });

  it('is invisible to other users, who cannot revoke it', async () => {
    const { body } = await ann.call('POST', '/api/me/tokens', { name: 'private' });
    expect((await bob.call('GET', '/api/me/tokens')).body.tokens).toEqual([]);
    expect((await bob.call('DELETE', `/api/me/tokens/${body.id}`)).status).toBe(404);
    expect((await bob.call('GET', `/api/${ann.userId}/tokens`)).status).toBe(403);
    expect((await withToken(body.token, 'GET', `/api/${bob.userId}/tasks`)).status).toBe(403);
  });

  it('refuses unknown tokens and invalid names', async () => {
    expect((await withToken('todo_not-a-real-token', 'GET', '/api/me/tasks')).status).toBe(401);
    for (const name of ['', '   ', 'x'.repeat(101)]) {
      const reply = await ann.call('POST', '/api/me/tokens', { name });
      expect(reply.status).toBe(422);
    }
  });
});

describe('revoking every token', () => {
  const tokenWorks = async (token: string) =>
    (await withToken(token, 'GET', '/api/me/tasks')).status === 200;

  it('DELETE /tokens revokes them all at once, and only the caller’s', async () => {
    const mine = await signUp(t.app, 'many');
    const first = await mine.call('POST', '/api/me/tokens', { name: 'one' });
    const second = await mine.call('POST', '/api/me/tokens', { name: 'two' });
    const bobs = await bob.call('POST', '/api/me/tokens', { name: 'bob keeps this' });
    const reply = await mine.call('DELETE', '/api/me/tokens');
    expect(reply.status).toBe(200);
    expect(reply.body.revoked.map((token: { name: string }) => token.name).sort()).toEqual([
      'one',
      'two',
    ]);
    expect(await tokenWorks(first.body.token)).toBe(false);
    expect(await tokenWorks(second.body.token)).toBe(false);
    expect(await tokenWorks(bobs.body.token)).toBe(true);
    expect((await withToken(bobs.body.token, 'DELETE', '/api/me/tokens')).status).toBe(403);
  });

  it('signing out everywhere ends every session and every personal token', async () => {
    const user = await signUp(t.app, 'everywhere');
    const other = await send(t.app, 'POST', '/api/auth/sign-in/email', {
      email: user.email,
      password: 'correct horse battery',
    });
    const otherSession = other.headers.get('set-auth-token') as string;
    const { body } = await user.call('POST', '/api/me/tokens', { name: 'left behind' });
    expect(await tokenWorks(body.token)).toBe(true);
    const out = await user.call('POST', '/api/auth/revoke-sessions', {});
    expect(out.status).toBe(200);
    expect(await tokenWorks(user.token)).toBe(false);
    expect(await tokenWorks(otherSession)).toBe(false);
    expect(await tokenWorks(body.token)).toBe(false);
  });

  it('a password change that ends the other sessions ends the tokens too; one that keeps them keeps them', async () => {
    const user = await signUp(t.app, 'rotating');
    const kept = await user.call('POST', '/api/me/tokens', { name: 'kept' });
    const plain = await user.call('POST', '/api/auth/change-password', {
      currentPassword: 'correct horse battery',
      newPassword: 'second horse battery',
    });
    expect(plain.status).toBe(200);
    expect(await tokenWorks(kept.body.token)).toBe(true);
    const everywhere = await user.call('POST', '/api/auth/change-password', {
      currentPassword: 'second horse battery',
      newPassword: 'third horse battery',
      revokeOtherSessions: true,
    });
    expect(everywhere.status).toBe(200);
    expect(await tokenWorks(kept.body.token)).toBe(false);
    expect(await tokenWorks(everywhere.headers.get('set-auth-token') as string)).toBe(true);
  });
});
