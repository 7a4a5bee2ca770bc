// Migrations: idempotent, safe when several replicas start at once, visible to readiness.
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import {
  appliedMigrationCount,
  expectedMigrationCount,
  migrateDatabase,
} from '../../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../helpers.ts';

let testDatabase: TestDatabase | undefined;
afterEach(async () => {
  await testDatabase?.drop();
  testDatabase = undefined;
});

describe('migrations', () => {
  it('apply all committed migrations once, and running them again changes nothing', async () => {
    testDatabase = await createTestDatabase();
    const { database } = testDatabase;
    expect(await appliedMigrationCount(database.db)).toBe(0);
    const expected = await expectedMigrationCount();
    expect(expected).toBeGreaterThan(0);
    expect(await migrateDatabase(database)).toBe(expected);
    expect(await appliedMigrationCount(database.db)).toBe(expected);
    expect(await migrateDatabase(database)).toBe(0);
    expect(await appliedMigrationCount(database.db)).toBe(expected);
    const tables = await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(
      (tables as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name),
    ).toEqual([
      'accounts',
      'api_tokens',
      'conversations',
      'jwks',
      'limiter_buckets',
      'messages',
      'rate_limits',
      'sessions',
      'tasks',
      'users',
      'verifications',
    ]);
  });

  it('search by substring can use the trigram indexes', async () => {
    testDatabase = await createTestDatabase();
    const { database } = testDatabase;
    await migrateDatabase(database);
    // With sequential scans off the planner picks an index whenever one can answer the query.
    const plan = await database.withConnection(async (db) => {
      await db.execute(sql`set enable_seqscan = off`);
      const result = await db.execute(
        sql`explain select id from tasks where title ilike '%groceries%' or description ilike '%groceries%'`,
      );
      await db.execute(sql`reset enable_seqscan`);
      return (result as unknown as { rows: Record<string, string>[] }).rows
        .map((row) => Object.values(row)[0])
        .join('\n');
    });
    expect(plan).toContain('tasks_title_trgm_idx');
    expect(plan).toContain('tasks_description_trgm_idx');
  });

  it('several replicas migrating at once all succeed and apply each migration once', async () => {
    testDatabase = await createTestDatabase();
    const replicas = testDatabase.url
      ? await Promise.all([1, 2, 3].map(() => openDatabase({ url: testDatabase?.url, poolMax: 2 })))
      : [testDatabase.database, testDatabase.database, testDatabase.database];
    try {
      const applied = await Promise.all(replicas.map((replica) => migrateDatabase(replica)));
      const expected = await expectedMigrationCount();
      expect(await appliedMigrationCount(testDatabase.database.db)).toBe(expected);
      // One replica applied everything; the others waited on the lock and found nothing to do.
      expect(applied.sort((a, b) => a - b)).toEqual([0, 0, expected]);
    } finally {
      if (testDatabase.url) await Promise.all(replicas.map((replica) => replica.close()));
    }
  });
});
