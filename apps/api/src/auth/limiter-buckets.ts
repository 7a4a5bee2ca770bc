// rate-limiter-flexible counters kept in the limiter_buckets table, so every replica counts the same.
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { RateLimiterDrizzle } from 'rate-limiter-flexible';
import type { Db } from '../db/client.ts';
import { limiterBuckets } from '../db/schema.ts';

interface Bucket {
  points: number;
  expire: Date | null;
}

/**
 * RateLimiterDrizzle with its three queries written against our drizzle-orm import. The library
 * loads drizzle-orm through an import() whose name it computes at run time, which the API bundle
 * cannot follow: in the image (no node_modules) its own queries would fail at the first use.
 * These are its queries, unchanged: one atomic upsert per change, so replicas never lose a count.
 */
class DrizzleBuckets extends RateLimiterDrizzle {
  readonly #db: Db;

  constructor(db: Db, options: { keyPrefix: string; points: number; duration: number }) {
    // The library's hourly clean-up timer also needs its own import; pruneBuckets() does it here.
    super({ ...options, storeClient: db, schema: limiterBuckets, clearExpiredByTimeout: false });
    this.#db = db;
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false) {
    const now = new Date();
    const newExpire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    const expired = sql`${limiterBuckets.expire} <= ${sql.param(now, limiterBuckets.expire)}`;
    const nextExpire = sql.param(newExpire, limiterBuckets.expire);
    const [bucket] = await this.#db
      .insert(limiterBuckets)
      .values({ key, points, expire: newExpire })
      .onConflictDoUpdate({
        target: limiterBuckets.key,
        set: forceExpire
          ? { points, expire: newExpire }
          : {
              points: sql`CASE WHEN ${expired} THEN ${points} ELSE ${limiterBuckets.points} + ${points} END`,
              expire: sql`CASE WHEN ${expired} THEN ${nextExpire} ELSE ${limiterBuckets.expire} END`,
            },
      })
      .returning();
    return bucket as Bucket;
  }

  async _get(key: string) {
    const [bucket] = await this.#db
      .select()
      .from(limiterBuckets)
      .where(
        and(
          eq(limiterBuckets.key, key),
          or(gt(limiterBuckets.expire, new Date()), isNull(limiterBuckets.expire)),
        ),
      )
      .limit(1);
    return (bucket as Bucket | undefined) ?? null;
  }

  async _delete(key: string) {
    const deleted = await this.#db
      .delete(limiterBuckets)
      .where(eq(limiterBuckets.key, key))
      .returning({ key: limiterBuckets.key });
    return deleted.length > 0;
  }
}

export type SharedLimiter = RateLimiterDrizzle;

export function sharedLimiter(
  db: Db,
  options: { keyPrefix: string; points: number; duration: number },
): SharedLimiter {
  return new DrizzleBuckets(db, options);
}

/** Deletes buckets that expired over an hour ago (the library's own rule). */
export async function pruneBuckets(db: Db): Promise<void> {
  await db
    .delete(limiterBuckets)
    .where(lt(limiterBuckets.expire, new Date(Date.now() - 3_600_000)));
}
