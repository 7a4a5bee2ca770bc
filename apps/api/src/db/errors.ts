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

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      (CONNECTION_CODES.has(code) || SQLSTATE_UNAVAILABLE.test(code))
    ) {
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
