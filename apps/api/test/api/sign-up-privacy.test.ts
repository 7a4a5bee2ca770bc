// Signing up with an email that already has an account: the same status and shape, about the
// same time, and nothing changed on the existing account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, send, signUp, type TestApp } from '../helpers.ts';

let t: TestApp;
let existing: Client;
beforeAll(async () => {
  t = await createTestApp();
  existing = await signUp(t.app, 'existing');
});
afterAll(() => t.close());

let counter = 0;
const newEmail = () => `new-${++counter}-${Date.now()}@example.com`;
const signUpAs = (email: string, password = 'a password of mine') =>
  send(t.app, 'POST', '/api/auth/sign-up/email', { name: 'Someone', email, password });

const shape = (value: unknown): unknown =>
  value && typeof value === 'object'
    ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]))
    : value === null
      ? 'null'
      : typeof value;

describe('sign-up with an existing email', () => {
  it('answers 200 with a user of the same shape, and no session', async () => {
    const fresh = await signUpAs(newEmail());
    const taken = await signUpAs(existing.email.toUpperCase());
    expect(taken.status).toBe(fresh.status);
    expect(Object.keys(taken.body)).toEqual(Object.keys(fresh.body));
    expect(Object.keys(taken.body.user)).toEqual(Object.keys(fresh.body.user));
    expect(shape(taken.body.user)).toEqual(shape(fresh.body.user));
    expect(taken.body.user.email).toBe(existing.email);
    expect(taken.body.user.id).not.toBe(existing.userId);
    expect(taken.body.user.id).toHaveLength(fresh.body.user.id.length);
    // The one difference a sign-up that signs newcomers in must keep: no session.
    expect(typeof fresh.body.token).toBe('string');
    expect(taken.body.token).toBeNull();
    expect(taken.headers.get('set-cookie')).toBeNull();
    expect(taken.headers.get('set-auth-token')).toBeNull();
  });

  it('changes nothing on the existing account', async () => {
    await send(t.app, 'POST', '/api/auth/sign-up/email', {
      name: 'Impostor',
      email: existing.email,
      password: 'the impostor password',
    });
    const theirs = await send(t.app, 'POST', '/api/auth/sign-in/email', {
      email: existing.email,
      password: 'the impostor password',
    });
    expect(theirs.status).toBe(401);
    const own = await send(t.app, 'POST', '/api/auth/sign-in/email', {
      email: existing.email,
      password: 'correct horse battery',
    });
    expect(own.status).toBe(200);
    expect(own.body.user.name).toBe('existing');
  });

  it('refuses a short or long password with the same error either way', async () => {
    for (const password of ['short', 'x'.repeat(129)]) {
      const fresh = await signUpAs(newEmail(), password);
      const taken = await signUpAs(existing.email, password);
      expect(taken.status).toBe(400);
      expect(taken.body).toEqual(fresh.body);
    }
  });

  it('takes about as long as a new sign-up: the password is hashed either way', async () => {
    const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1] ?? 0;
    const timeOf = async (email: string) => {
      const started = performance.now();
      const reply = await signUpAs(email);
      expect(reply.status).toBe(200);
      return performance.now() - started;
    };
    const fresh: number[] = [];
    const taken: number[] = [];
    // Interleaved, so a busy moment on the machine falls on both sides alike.
    for (let i = 0; i < 20; i++) {
      fresh.push(await timeOf(newEmail()));
      taken.push(await timeOf(existing.email));
    }
    // Before, an existing email answered in about 7 ms against about 100 ms for a new one.
    expect(median(taken)).toBeGreaterThan(median(fresh) * 0.5);
  });
});
