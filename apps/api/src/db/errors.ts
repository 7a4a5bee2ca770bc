// Recognises driver errors that mean "the database cannot be reached", as opposed to bugs.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// PostgreSQL SQLSTATE class 08 (connection exception) and 57P0x (operator intervention).
const SQLSTATE_UNAVAILABLE = /^(08|57P0)/;
const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * Only errors of the driver count: a socket error of a database connection (Node's system
 * errors name the failed `syscall`), a SQLSTATE, or the pools' own messages. The same codes
 * without a syscall come from elsewhere: Node's "aborted" (ECONNRESET) is a client that went
 * away while sending its body, which must not be logged or counted as a database outage.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const { code, syscall } = current as { code?: unknown; syscall?: unknown };
    if (typeof code === 'string') {
      if (CONNECTION_CODES.has(code) && typeof syscall === 'string') return true;
      if (SQLSTATE.test(code) && SQLSTATE_UNAVAILABLE.test(code)) return true;
    }
    // Connecting to a name with several addresses fails with one error per address.
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnavailable)) {
      return true;
    }
    if (
      /Connection terminated|not queryable|timeout exceeded when trying to connect/i.test(
        current.message,
      )
    )
      return true;
  }
  return false;
}

/** SQLSTATE class 22, "data exception": input the database cannot hold, not a server fault. */
export function isInvalidData(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('22')) return true;
  }
  return false;
}
