// Turns any thrown error into the one error shape; internals are logged, never echoed.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isDatabaseUnavailable, isInvalidData } from '../db/errors.ts';
import { AppError, describeHttpException, errorBody } from './errors.ts';
import type { AppEnv } from './router.ts';

export function handleError(error: Error, c: Context<AppEnv>): Response {
  const requestId = c.get('requestId');
  const logger = c.get('logger');
  if (error instanceof AppError) {
    return c.json(errorBody(error.code, error.message, error.details, requestId), error.status);
  }
  if (error instanceof HTTPException) {
    const [code, message] = describeHttpException(error);
    return c.json(errorBody(code, message, undefined, requestId), error.status);
  }
  if (clientStoppedSending(error)) {
    // Nobody reads this answer; it is the client's doing, not an outage or a bug of ours.
    logger.info(
      { reason: (error as { code?: string }).code ?? error.message },
      'request body unreadable',
    );
    const message =
      'The request body could not be read: the connection closed or the body is malformed.';
    return c.json(errorBody('unreadable_body', message, undefined, requestId), 400);
  }
  if (isDatabaseUnavailable(error)) {
    logger.error({ err: error }, 'database unavailable');
    const message = 'The database is unavailable; try again shortly.';
    return c.json(errorBody('service_unavailable', message, undefined, requestId), 503, {
      'Retry-After': '5',
    });
  }
  if (isInvalidData(error)) {
    // Validation should have caught it; the warning says which schema to tighten.
    logger.warn({ err: error }, 'database refused input that passed validation');
    const message = 'Some of the input cannot be stored.';
    return c.json(errorBody('invalid_input', message, undefined, requestId), 400);
  }
  logger.error({ err: error }, 'unhandled error');
  const message = 'Something went wrong on our side. Quote the request id if you report it.';
  return c.json(errorBody('internal_error', message, undefined, requestId), 500);
}

/**
 * The request body stopped arriving: the client closed the connection, or Node's parser refused
 * the rest (a malformed chunk). Node then fails the body with its own "aborted" error, an
 * ECONNRESET that no socket call raised, or an HPE_ parser code.
 */
function clientStoppedSending(error: Error): boolean {
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  if (typeof code !== 'string' || syscall !== undefined) return false;
  return (code === 'ECONNRESET' && error.message === 'aborted') || code.startsWith('HPE_');
}
