// SQL parameters never reach a log line, however the failed query's error is logged.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/ops/logging.ts';
import { createTestApp, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SECRET = 'hunter2-parameter-value';

describe('log redaction', () => {
  it("drops drizzle's and the driver's parameters from every shape of log call", async () => {
    const lines: string[] = [];
    const logger = createLogger('info', {
      write: (line) => lines.push(line),
      dropped: 0,
      flush: async () => {},
    });
    // Fails for a reason of its own (no such table), with a parameter that must stay private.
    const failure = await t.database.db
      .execute(sql`select ${SECRET}::text as leaked from no_such_table`)
      .then(() => undefined)
      .catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(`${failure?.message}`).toContain(SECRET);

    logger.error({ err: failure }, 'unhandled error');
    logger.error(failure);
    // Better Auth's logger calls, as auth.ts forwards them.
    logger.error({ args: [failure], component: 'auth' }, 'Failed to create user');
    logger.warn(`${failure?.message}`);
    logger
      .child({ request_id: 'r1' })
      .error({ err: new Error('wrapped', { cause: failure }) }, 'x');

    expect(lines).toHaveLength(5);
    for (const line of lines) {
      expect(line).not.toContain(SECRET);
      const record = JSON.parse(line);
      expect(JSON.stringify(record)).toMatch(/Failed query: select \$1::text as leaked/);
    }
    const [first, second, auth] = lines.map((line) => JSON.parse(line));
    expect(first.err.type).toBe('DrizzleQueryError');
    expect(first.err.message).toContain('params: [redacted]');
    expect(first.err.stack).toMatch(/\n\s+at /);
    expect(first.err.params).toBeUndefined();
    expect(second.msg).toContain('params: [redacted]');
    expect(auth.args[0].type).toBe('DrizzleQueryError');
    expect(auth.args[0].message).toContain('no_such_table');
  });
});
