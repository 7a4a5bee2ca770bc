// The one error shape every endpoint answers with, and the errors the domain raises.

import { z } from '@hono/zod-openapi';
import type { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

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

export interface FieldProblem {
  field: string;
  message: string;
}

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'task_not_found' }),
      message: z.string().openapi({ example: 'Task 42 was not found.' }),
      details: z
        .array(z.object({ field: z.string(), message: z.string() }))
        .optional()
        .openapi({ description: 'one entry per invalid field' }),
      request_id: z.string().optional(),
    }),
  })
  .openapi('Error');

export type ErrorBody = z.infer<typeof errorBodySchema>;

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
