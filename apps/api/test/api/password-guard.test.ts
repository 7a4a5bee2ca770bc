// Password guesses per account: counted across addresses, with short growing waits that keep
// the real user's own address open, shared by sign-in, verify-password and change-password.
import { Writable } from 'node:stream';
import { like } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { createAuth } from '../../src/auth/auth.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { limiterBuckets } from '../../src/db/schema.ts';
import {
  createTestDatabase,
  send,
  TEST_SECRET,
  type TestDatabase,
  testConfig,
} from '../helpers.ts';

const password = 'correct horse battery';
let opened: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.map((database) => database.drop()));
  opened = [];
});

/** An app with every auth limit on, behind one trusted proxy, whose log lines are kept. */
async function limitedApp(env: Record<string, string> = {}) {
  const testDatabase = await createTestDatabase();
  opened.push(testDatabase);
  await migrateDatabase(testDatabase.database);
  const config = testConfig({
    AUTH_RATE_LIMIT_ENABLED: 'true',
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'info',
    ...env,
  });
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'info' }, stream);
  const auth = createAuth({ db: testDatabase.database.db, config, secret: TEST_SECRET, logger });
  const app = createApp({ config, database: testDatabase.database, auth, logger });
  const signIn = (email: string, address: string, guess = password) =>
    send(
      app,
      'POST',
      '/api/auth/sign-in/email',
      { email, password: guess },
      {
        'x-forwarded-for': address,
      },
    );
  /** Signs up from `address`, which becomes the account's own. */
  const account = async (address: string) => {
    const email = `guarded-${Math.random().toString(36).slice(2)}@example.com`;
    const reply = await send(
      app,
      'POST',
      '/api/auth/sign-up/email',
      { name: 'G', email, password },
      {
        'x-forwarded-for': address,
      },
    );
    expect(reply.status).toBe(200);
    return { email, token: reply.headers.get('set-auth-token') as string };
  };
  /** Ends every wait now, as if its time had passed. */
  const endWaits = () =>
    testDatabase.database.db
      .update(limiterBuckets)
      .set({ expire: new Date(Date.now() - 1000) })
      .where(like(limiterBuckets.key, 'password-gate:%'));
  return { app, lines, signIn, account, endWaits, db: testDatabase.database.db };
}

const statuses = (replies: { status: number }[]) =>
  replies.reduce<Record<number, number>>((counts, { status }) => {
    counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  }, {});

describe('wrong passwords for one account', () => {
  it('50 guesses from 5 addresses: 10 are checked, and the real user still gets in at once', async () => {
    const t = await limitedApp();
    const owner = await t.account('198.51.100.7');
    const replies = [];
    for (let i = 0; i < 50; i++) {
      replies.push(await t.signIn(owner.email, `203.0.113.${1 + (i % 5)}`, `guess ${i}`));
    }
    expect(statuses(replies)).toEqual({ 401: 10, 429: 40 });
    const refused = replies.find((reply) => reply.status === 429);
    expect(refused?.body.error.code).toBe('too_many_attempts');
    expect(refused?.body.error.message).toMatch(
      /^Too many attempts for this account\. Try again in \d+ seconds\.$/,
    );
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused?.headers.get('retry-after'))).toBeLessThanOrEqual(15);

    // The right password from the attackers' side waits; from the owner's own address it works.
    expect((await t.signIn(owner.email, '203.0.113.1')).status).toBe(429);
    expect((await t.signIn(owner.email, '192.0.2.99')).status).toBe(429);
    expect((await t.signIn(owner.email, '198.51.100.7')).status).toBe(200);
  });

  it('lets the real user in from a new address once the wait is over', async () => {
    const t = await limitedApp({ SIGN_IN_MAX_WAIT_SECONDS: '1' });
    const owner = await t.account('198.51.100.8');
    for (let i = 0; i < 12; i++) await t.signIn(owner.email, `203.0.113.${10 + i}`, 'nope nope');
    const waiting = await t.signIn(owner.email, '192.0.2.1');
    expect(waiting.status).toBe(429);
    expect(waiting.headers.get('retry-after')).toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await t.signIn(owner.email, '192.0.2.1')).status).toBe(200);
  });

  it('a burst of parallel guesses gets no more checks than a sequence (free ones plus one)', async () => {
    const t = await limitedApp();
    const owner = await t.account('198.51.100.9');
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) => t.signIn(owner.email, `203.0.114.${i + 1}`, `g${i}`)),
    );
    const { 401: checked = 0, 429: refused = 0 } = statuses(replies);
    expect(checked).toBeGreaterThanOrEqual(10);
    expect(checked).toBeLessThanOrEqual(11);
    expect(refused).toBe(30 - checked);
  });

  it('one address gets 5 tries on an account; other addresses keep theirs', async () => {
    const t = await limitedApp();
    const owner = await t.account('198.51.100.10');
    const fromOne = [];
    for (let i = 0; i < 7; i++) fromOne.push(await t.signIn(owner.email, '203.0.113.50', `x${i}`));
    expect(fromOne.map((reply) => reply.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect((await t.signIn(owner.email, '203.0.113.51', 'other guess')).status).toBe(401);
  });

  it('waits double after each further failure and stop at SIGN_IN_MAX_WAIT_SECONDS', async () => {
    const t = await limitedApp({ SIGN_IN_MAX_WAIT_SECONDS: '40' });
    const owner = await t.account('198.51.100.11');
    const waits = [];
    for (let round = 0; round < 4; round++) {
      let reply = await t.signIn(owner.email, '203.0.113.60', 'wrong');
      while (reply.status === 401) reply = await t.signIn(owner.email, '203.0.113.60', 'wrong');
      waits.push(Number(reply.headers.get('retry-after')));
      await t.endWaits();
    }
    expect(waits.map((seconds) => Math.min(40, Math.ceil(seconds / 5) * 5))).toEqual([
      15, 30, 40, 40,
    ]);
  });

  it('a success resets the count', async () => {
    const t = await limitedApp();
    const owner = await t.account('198.51.100.12');
    for (let i = 0; i < 4; i++) await t.signIn(owner.email, '203.0.113.70', 'wrong');
    expect((await t.signIn(owner.email, '203.0.113.70')).status).toBe(200);
    const after = [];
    for (let i = 0; i < 5; i++)
      after.push((await t.signIn(owner.email, '203.0.113.70', 'w')).status);
    expect(after).toEqual([401, 401, 401, 401, 401]);
  });

  it('treats an email without an account exactly like one with', async () => {
    const t = await limitedApp();
    const replies = [];
    for (let i = 0; i < 12; i++) {
      replies.push(await t.signIn('nobody-here@example.com', `203.0.113.${80 + (i % 4)}`, 'guess'));
    }
    expect(statuses(replies)).toEqual({ 401: 10, 429: 2 });
  });

  it('logs each failure with the request id, the account id and the address, never the password', async () => {
    const t = await limitedApp();
    const owner = await t.account('198.51.100.13');
    const reply = await t.signIn(owner.email, '203.0.113.90', 'my secret guess');
    const [line] = t.lines.filter((entry) => entry.event === 'password_failed');
    const session = await send(t.app, 'GET', '/api/auth/get-session', undefined, {
      authorization: `Bearer ${owner.token}`,
    });
    expect(line).toMatchObject({
      level: 40,
      route: '/sign-in/email',
      request_id: reply.headers.get('x-request-id'),
      user_id: session.body.user.id,
      client_address: '203.0.113.90',
      failures_for_account: 1,
      failures_from_address: 1,
    });
    expect(JSON.stringify(t.lines)).not.toContain('my secret guess');
  });
});

describe('guesses with a session', () => {
  it('verify-password and change-password spend the same budget as sign-in', async () => {
    const t = await limitedApp();
    const owner = await t.account('198.51.100.20');
    const asOwner = (path: string, body: unknown, address = '203.0.113.100') =>
      send(t.app, 'POST', path, body, {
        authorization: `Bearer ${owner.token}`,
        'x-forwarded-for': address,
      });
    const replies = [];
    for (let i = 0; i < 3; i++) {
      replies.push(await asOwner('/api/auth/verify-password', { password: `guess ${i}` }));
    }
    for (let i = 0; i < 2; i++) {
      replies.push(
        await asOwner('/api/auth/change-password', {
          currentPassword: `guess ${i}`,
          newPassword: 'a new password',
        }),
      );
    }
    expect(replies.map((reply) => reply.status)).toEqual([400, 400, 400, 400, 400]);
    expect((await asOwner('/api/auth/verify-password', { password: 'guess 9' })).status).toBe(429);
    expect((await t.signIn(owner.email, '203.0.113.100')).status).toBe(429);
    // The right password still proves itself from the owner's own address, and resets the count.
    expect((await asOwner('/api/auth/verify-password', { password }, '198.51.100.20')).status).toBe(
      200,
    );
  });

  it('verify-password is on the sign-in limit per address, not the default 100 a minute', async () => {
    const t = await limitedApp({
      SIGN_IN_RATE_LIMIT_MAX: '3',
      SIGN_IN_ADDRESS_FAILURES: '100',
      SIGN_IN_ACCOUNT_FAILURES: '100',
    });
    const owner = await t.account('198.51.100.21');
    const replies = [];
    for (let i = 0; i < 5; i++) {
      replies.push(
        await send(
          t.app,
          'POST',
          '/api/auth/verify-password',
          { password: `g${i}` },
          {
            authorization: `Bearer ${owner.token}`,
            'x-forwarded-for': '203.0.113.110',
          },
        ),
      );
    }
    expect(replies.map((reply) => reply.status)).toEqual([400, 400, 400, 429, 429]);
    expect(replies[3]?.body.error.message).toMatch(
      /^Too many attempts from your network\. Try again in \d+ (seconds?|minutes?)\.$/,
    );
    expect(Number(replies[3]?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
