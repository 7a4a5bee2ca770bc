// Personal API tokens: issued once, stored as a hash, revocable, scoped to their owner.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type ApiToken, apiTokens, users } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import type { AuthenticatedUser } from '../http/router.ts';

export const TOKEN_PREFIX = 'todo_';
export const TOKENS_PER_USER = 50;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export const tokenNotFound = (id: number) =>
  new AppError(404, 'token_not_found', `Token ${id} was not found.`);

export async function issueToken(
  db: Db,
  userId: string,
  name: string,
): Promise<{ token: string; record: ApiToken }> {
  const [{ count } = { count: 0 }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId));
  if (count >= TOKENS_PER_USER) {
    throw new AppError(
      409,
      'too_many_tokens',
      `You have ${TOKENS_PER_USER} tokens; revoke one first.`,
    );
  }
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [record] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: hash(token), prefix: token.slice(0, 12) })
    .returning();
  return { token, record: record as ApiToken };
}

export function listTokens(db: Db, userId: string): Promise<ApiToken[]> {
  return db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.id));
}

export async function revokeToken(db: Db, userId: string, id: number): Promise<ApiToken> {
  const [revoked] = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.userId, userId), eq(apiTokens.id, id)))
    .returning();
  if (!revoked) throw tokenNotFound(id);
  return revoked;
}

/**
 * Revokes every token of a user: for signing out everywhere and password changes that end the
 * other sessions, since a token minted with a stolen session would otherwise outlive both.
 */
export async function revokeAllTokens(db: Db, userId: string): Promise<ApiToken[]> {
  return db.delete(apiTokens).where(eq(apiTokens.userId, userId)).returning();
}

/** The owner of a presented token, or undefined; notes the use at most once a minute. */
export async function userForToken(db: Db, token: string): Promise<AuthenticatedUser | undefined> {
  const [found] = await db
    .select({ tokenId: apiTokens.id, id: users.id, email: users.email, name: users.name })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hash(token)));
  if (!found) return undefined;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, found.tokenId),
        or(
          isNull(apiTokens.lastUsedAt),
          lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`),
        ),
      ),
    );
  return { id: found.id, email: found.email, name: found.name };
}
