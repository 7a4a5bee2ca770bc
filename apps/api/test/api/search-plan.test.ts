// `q=` is served by the trigram indexes once the planner knows the table. PostgreSQL's
// autovacuum sees to that; PGlite has none, so single-process mode runs its own.
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgliteMaintenance } from '../../src/ops/pglite-maintenance.ts';
import { createTestApp, engine, signUp, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function plan(userId: string): Promise<string> {
  const result = (await t.database.db.execute(
    sql`explain select count(*) from tasks where user_id = ${userId}
        and (title ilike '%nomatchxyz%' or description ilike '%nomatchxyz%')`,
  )) as unknown as { rows: { 'QUERY PLAN': string }[] };
  return result.rows.map((row) => row['QUERY PLAN']).join('\n');
}

async function seedHeavyAccount() {
  const heavy = await signUp(t.app, 'heavy');
  await t.database.db.execute(
    sql`insert into tasks (user_id, title, description)
        select ${heavy.userId}, 'task ' || n || ' of a heavy account', 'some words here'
        from generate_series(1, 20000) as n`,
  );
  return heavy;
}

describe('the plan of an unmatched search of 20,000 tasks', () => {
  // Each engine gets its own test rather than a skipped one: what keeps the statistics fresh
  // differs (PGlite: our maintenance; PostgreSQL: autovacuum, stood in for by VACUUM (ANALYZE)).
  if (engine === 'pglite') {
    it('PGlite: vacuumed once many rows were added, after which it uses the trigram indexes', async () => {
      const heavy = await seedHeavyAccount();
      expect(await plan(heavy.userId)).not.toContain('trgm');

      const maintenance = startPgliteMaintenance(t.database, pino({ level: 'silent' }), {
        checkMs: 3_600_000,
      });
      try {
        expect(await maintenance.check()).toBe(true);
        expect(await plan(heavy.userId)).toMatch(/tasks_(title|description)_trgm_idx/);
        // Nothing added since: the next check leaves the database alone.
        expect(await maintenance.check()).toBe(false);
        const reply = await heavy.call('GET', '/api/me/tasks?q=nomatchxyz');
        expect(reply.body.total).toBe(0);
      } finally {
        await maintenance.stop();
      }
    });
  } else {
    it('PostgreSQL: with the statistics autovacuum gathers, it uses the trigram indexes', async () => {
      const heavy = await seedHeavyAccount();
      await t.database.db.execute(sql`vacuum (analyze) tasks`);
      expect(await plan(heavy.userId)).toMatch(/tasks_(title|description)_trgm_idx/);
      const reply = await heavy.call('GET', '/api/me/tasks?q=nomatchxyz');
      expect(reply.body.total).toBe(0);
    });
  }
});
