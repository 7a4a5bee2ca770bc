// The errors the domain raises, and how they become the contract's one error shape.
import type { ErrorBody, FieldProblem } from '@todo-chatbot/contract';
import type { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly details: FieldProblem[] | undefined;
  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    details?: FieldProblem[],
  ) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function errorBody(
  code: string,
  message: string,
  details?: FieldProblem[],
  requestId?: string,
): ErrorBody {
  return {
    error: {
      code,
      message,
      ...(details ? { details } : {}),
      ...(requestId ? { request_id: requestId } : {}),
    },
  };
}

export const unauthorized = () =>
  new AppError(401, 'unauthorized', 'Sign in first: send the session cookie or a bearer token.');

export const forbiddenUser = () =>
  new AppError(403, 'forbidden', 'The user id in the path is not yours. Use your own id or "me".');

/** Turns zod issues into one line a person can read plus a per-field list. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): {
  message: string;
  details: FieldProblem[];
} {
  const details = issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
  const message = details.map((d) => `${d.field}: ${d.message}`).join('; ');
  return { message: `Invalid request. ${message}`, details };
}

/** Hono raises these for malformed bodies and unsupported content types. */
export function describeHttpException(error: HTTPException): [code: string, message: string] {
  switch (error.status) {
    case 400:
      return ['invalid_json', 'The request body is not valid JSON.'];
    case 415:
      return ['unsupported_media_type', 'Send the request body as application/json.'];
    default:
      return ['bad_request', error.message];
  }
}
