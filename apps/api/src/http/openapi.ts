// Building blocks for route definitions: JSON bodies, shared error responses, security.
import type { z } from '@hono/zod-openapi';
import { errorBodySchema } from '@todo-chatbot/contract';
import type { Context, TypedResponse } from 'hono';

export const security: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

export const userScopedErrors = {
  400: jsonContent(errorBodySchema, 'Malformed request'),
  401: jsonContent(errorBodySchema, 'Not signed in'),
  403: jsonContent(errorBodySchema, 'The path names another user'),
  429: {
    ...jsonContent(
      errorBodySchema,
      "The user's request budget (or chat budget) is spent, or too many of their requests run at once; retry after Retry-After seconds",
    ),
    headers: {
      'Retry-After': { schema: { type: 'integer' as const }, description: 'seconds to wait' },
    },
  },
  503: {
    ...jsonContent(errorBodySchema, 'The database is unavailable; retry after Retry-After seconds'),
    headers: {
      'Retry-After': { schema: { type: 'integer' as const }, description: 'seconds to wait' },
    },
  },
};

export const notFoundError = (what: string) => ({
  404: jsonContent(errorBodySchema, `No such ${what} of yours`),
});

/** The answers about a request body: too large, not JSON, or a field invalid. */
export const invalidBodyError = {
  413: jsonContent(errorBodySchema, 'The body is larger than BODY_LIMIT_BYTES'),
  415: jsonContent(errorBodySchema, 'The body is not sent as application/json'),
  422: jsonContent(errorBodySchema, 'A field is invalid'),
};

/**
 * A 200 whose JSON is text already (built by the database): typed as the route's JSON response
 * so the route stays checked against its schema, without parsing and serialising it again.
 */
export const jsonText = <T>(c: Context, text: string) =>
  c.body(text, 200, { 'content-type': 'application/json' }) as unknown as Response &
    TypedResponse<T, 200, 'json'>;
