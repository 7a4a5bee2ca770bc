// Route definitions for personal API tokens.
import { createRoute, z } from '@hono/zod-openapi';
import {
  createdTokenSchema,
  createTokenSchema,
  errorBodySchema,
  tokenSchema,
} from '@todo-chatbot/contract';
import {
  invalidBodyError,
  jsonBody,
  jsonContent,
  notFoundError,
  security,
  userScopedErrors,
} from '../http/openapi.ts';
import { idParam, userIdParam, userParams } from '../http/params.ts';
import { TOKENS_PER_USER } from './queries.ts';

const tags = ['Tokens'];
const tokenParams = z.object({ user_id: userIdParam, id: idParam('token') });

export const listTokensRoute = createRoute({
  method: 'get',
  path: '/api/{user_id}/tokens',
  tags,
  security,
  summary: 'Your personal API tokens (never the secret part)',
  request: { params: userParams },
  responses: {
    200: jsonContent(z.object({ tokens: z.array(tokenSchema) }), 'Tokens'),
    ...userScopedErrors,
  },
});

export const createTokenRoute = createRoute({
  method: 'post',
  path: '/api/{user_id}/tokens',
  tags,
  security,
  summary: 'Create a personal API token for an MCP client or script',
  description:
    'The token is in this response only: it is stored as a hash. Use it as `Authorization: Bearer <token>` on /mcp and /api. Managing tokens needs a signed-in session, not another token.',
  request: { params: userParams, body: jsonBody(createTokenSchema) },
  responses: {
    201: jsonContent(createdTokenSchema, 'The new token, shown once'),
    ...userScopedErrors,
    409: jsonContent(
      errorBodySchema,
      `You already have ${TOKENS_PER_USER} tokens, the most allowed; revoke one first`,
    ),
    ...invalidBodyError,
  },
});

export const revokeAllTokensRoute = createRoute({
  method: 'delete',
  path: '/api/{user_id}/tokens',
  tags,
  security,
  summary: 'Revoke every token at once',
  description:
    'Every MCP client and script using one of your tokens is signed out. Signing out everywhere (`POST /api/auth/revoke-sessions`) and changing the password with `revokeOtherSessions: true` do this too.',
  request: { params: userParams },
  responses: {
    200: jsonContent(z.object({ revoked: z.array(tokenSchema) }), 'The revoked tokens'),
    ...userScopedErrors,
  },
});

export const revokeTokenRoute = createRoute({
  method: 'delete',
  path: '/api/{user_id}/tokens/{id}',
  tags,
  security,
  summary: 'Revoke a token: it stops working at once',
  request: { params: tokenParams },
  responses: {
    200: jsonContent(tokenSchema, 'The revoked token'),
    ...userScopedErrors,
    ...notFoundError('token'),
  },
});
