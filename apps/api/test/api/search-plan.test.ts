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

describe.runIf(engine === 'pglite')('PGlite maintenance', () => {
  it('vacuums once many rows were added, after which an unmatched search uses the trigram indexes', async () => {
    const heavy = await signUp(t.app, 'heavy');
    await t.database.db.execute(
      sql`insert into tasks (user_id, title, description)
          select ${heavy.userId}, 'task ' || n || ' of a heavy account', 'some words here'
          from generate_series(1, 20000) as n`,
    );
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
});
