// What never reaches a log line: the parameters of a failed SQL statement. drizzle writes them
// into its error's message and `params`, PGlite attaches `params` and `queryOptions`, and
// PostgreSQL's `detail` echoes row values ("Key (email)=(…) already exists").
import { stdSerializers } from 'pino';

const DROPPED_FIELDS = new Set(['params', 'queryOptions', 'detail']);
/** drizzle's message is `Failed query: <sql>\nparams: <values>`: the values run to the end. */
const PARAMS_IN_TEXT = /(Failed query: [\s\S]*?\n)params: [\s\S]*$/;
const MAX_DEPTH = 5;

export function redactText(text: string): string {
  return text.includes('Failed query: ')
    ? text.replace(PARAMS_IN_TEXT, '$1params: [redacted]')
    : text;
}

/** A copy of the error (same class, code, cause chain) without SQL parameters. */
export function redactError<T extends Error>(error: T, depth = 0): T {
  const copy = Object.create(Object.getPrototypeOf(error)) as T;
  const source = error as unknown as Record<string, unknown>;
  const target = copy as unknown as Record<string, unknown>;
  for (const key of Object.keys(error)) {
    if (!DROPPED_FIELDS.has(key) && key !== 'cause') target[key] = redact(source[key], depth + 1);
  }
  const message = redactText(error.message);
  const hidden = (value: unknown) => ({ value, writable: true, configurable: true });
  Object.defineProperty(copy, 'message', hidden(message));
  if (error.stack !== undefined) {
    // The stack starts with the message: replace that part, keep the frames.
    const stack = error.stack.includes(error.message)
      ? error.stack.replace(error.message, () => message)
      : redactText(error.stack);
    Object.defineProperty(copy, 'stack', hidden(stack));
  }
  if (error.cause !== undefined) {
    Object.defineProperty(copy, 'cause', hidden(redact(error.cause, depth + 1, false)));
  }
  if (error instanceof AggregateError) {
    Object.defineProperty(copy, 'errors', hidden(redact(error.errors, depth + 1, false)));
  }
  return copy;
}

/**
 * The value with every error in it redacted. Errors nested in objects become pino's plain
 * serialized form (JSON would keep only their enumerable fields, parameters included, and drop
 * the message); `serializeNested: false` keeps them errors, for a cause chain. Unchanged values
 * are returned as they are, so ordinary log lines cost no copies.
 */
export function redact(value: unknown, depth = 0, serializeNested = true): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (value instanceof Error) {
    const copy = redactError(value, depth);
    return serializeNested && depth > 0 ? stdSerializers.err(copy) : copy;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => redact(item, depth + 1, serializeNested));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  let changed: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    // pino serializes a log call's own `err` itself (and would call a plain copy an "Object").
    const keepError = depth === 0 && key === 'err';
    const redacted = redact(item, depth + 1, serializeNested && !keepError);
    if (redacted !== item) {
      changed ??= { ...value };
      changed[key] = redacted;
    }
  }
  return changed ?? value;
}
