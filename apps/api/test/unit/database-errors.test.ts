// Which errors count as "the database is unavailable" (503): only the driver's.
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/db/errors.ts';

const error = (message: string, fields: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), fields);

describe('isDatabaseUnavailable', () => {
  it('recognises connection failures of the driver', () => {
    for (const failure of [
      error('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED', syscall: 'connect' }),
      error('read ECONNRESET', { code: 'ECONNRESET', syscall: 'read' }),
      error('getaddrinfo ENOTFOUND db', { code: 'ENOTFOUND', syscall: 'getaddrinfo' }),
      error('terminating connection due to administrator command', { code: '57P01' }),
      error('the database system is starting up', { code: '57P03' }),
      error('Connection terminated unexpectedly'),
      error('timeout exceeded when trying to connect'),
      // drizzle wraps the driver's error as the cause of its own.
      error('Failed query: select 1\nparams: ', {
        cause: error('connect ECONNREFUSED', { code: 'ECONNREFUSED', syscall: 'connect' }),
      }),
      new AggregateError(
        [error('connect ECONNREFUSED ::1:5432', { code: 'ECONNREFUSED', syscall: 'connect' })],
        'connect ECONNREFUSED',
      ),
    ]) {
      expect(isDatabaseUnavailable(failure), failure.message).toBe(true);
    }
  });

  it('does not mistake a client that went away for the database', () => {
    // Node's error for a request body cut off by the client (or by its parser): no syscall.
    expect(isDatabaseUnavailable(error('aborted', { code: 'ECONNRESET' }))).toBe(false);
    expect(isDatabaseUnavailable(error('Parse Error', { code: 'HPE_INVALID_CHUNK_SIZE' }))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(error('boom', { code: 'ERR_STREAM_PREMATURE_CLOSE' }))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(error('duplicate key', { code: '23505' }))).toBe(false);
  });
});
