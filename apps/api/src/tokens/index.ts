// Handlers for personal API tokens.
import type { Db } from '../db/client.ts';
import type { ApiToken } from '../db/schema.ts';
import { createRouter, type Guard } from '../http/router.ts';
import { issueToken, listTokens, revokeAllTokens, revokeToken } from './queries.ts';
import {
  createTokenRoute,
  listTokensRoute,
  revokeAllTokensRoute,
  revokeTokenRoute,
} from './routes.ts';

const toTokenJson = (token: ApiToken) => ({
  id: token.id,
  name: token.name,
  prefix: token.prefix,
  created_at: token.createdAt.toISOString(),
  last_used_at: token.lastUsedAt?.toISOString() ?? null,
});

export function createTokensRouter(db: Db, guard: Guard) {
  // A leaked token must not be able to mint more tokens or hide its tracks.
  const router = createRouter({ guard, auth: 'session', resources: ['tokens'] });

  router.openapi(listTokensRoute, async (c) => {
    const tokens = await listTokens(db, c.get('user').id);
    return c.json({ tokens: tokens.map(toTokenJson) }, 200);
  });

  router.openapi(createTokenRoute, async (c) => {
    const { token, record } = await issueToken(db, c.get('user').id, c.req.valid('json').name);
    return c.json({ ...toTokenJson(record), token }, 201);
  });

  router.openapi(revokeAllTokensRoute, async (c) => {
    const revoked = await revokeAllTokens(db, c.get('user').id);
    return c.json({ revoked: revoked.map(toTokenJson) }, 200);
  });

  router.openapi(revokeTokenRoute, async (c) => {
    const revoked = await revokeToken(db, c.get('user').id, c.req.valid('param').id);
    return c.json(toTokenJson(revoked), 200);
  });

  return router;
}

export type TokensRouter = ReturnType<typeof createTokensRouter>;
