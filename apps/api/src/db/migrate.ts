// Applies the committed SQL migrations, one replica at a time.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database, Db } from './client.ts';

/** The build copies migrations next to the bundle, so this resolves in source and in dist. */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// Any constant works; it only has to be the same for every replica of this service.
export const MIGRATION_LOCK_KEY = 7_314_159_265;

/**
 * Applies what is pending and answers how many migrations this call applied (0: up to date).
 * Aborting `signal` cancels the wait for the lock or the migrations' transaction, which rolls back.
 */
export async function migrateDatabase(database: Database, signal?: AbortSignal): Promise<number> {
  signal?.throwIfAborted();
  return database.withConnection(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      const before = await appliedMigrationCount(db);
      if (database.engine === 'postgres') {
        await migrateNodePg(db as unknown as NodePgDatabase, { migrationsFolder });
      } else {
        const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
        await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
      }
      return (await appliedMigrationCount(db)) - before;
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  }, signal);
}

/** How many migrations the code ships, from drizzle-kit's journal. */
export async function expectedMigrationCount(): Promise<number> {
  const journal = JSON.parse(await readFile(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** How many migrations the database has applied (0 before the first run). */
export async function appliedMigrationCount(db: Db): Promise<number> {
  const [table] = await rowsOf<{ present: boolean }>(
    db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`),
  );
  if (!table?.present) return 0;
  const [applied] = await rowsOf<{ count: number }>(
    db.execute(sql`select count(*)::int as count from drizzle.__drizzle_migrations`),
  );
  return applied?.count ?? 0;
}

/** Both drivers answer raw SQL with a result holding `rows`. */
async function rowsOf<T>(result: Promise<unknown>): Promise<T[]> {
  return ((await result) as { rows: T[] }).rows;
}
