// PGlite has no autovacuum. Without it the planner never has statistics and new rows pile up in
// the GIN indexes' pending lists, so the trigram indexes of `q=` are never chosen: an unmatched
// search of 20,000 tasks scans them all (about 50 ms, during which PGlite's single connection
// serves nobody else) instead of about 1 ms. This stands in for autovacuum in single-process mode.
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';

export interface MaintenanceOptions {
  /** How often to look at how many rows were added. */
  checkMs?: number;
  /** Vacuum at least this often, for updates and deletes, which add no rows. */
  everyMs?: number;
}

export interface Maintenance {
  /** Vacuums if enough rows were added since the last time (or none ran yet). */
  check(): Promise<boolean>;
  /** Stops the timer and waits for a vacuum in progress. */
  stop(): Promise<void>;
}

/**
 * Rows added since the last vacuum that make another one due. Lower than autovacuum's 10 %:
 * until a vacuum, new rows wait in the GIN indexes' pending lists, and a few thousand there are
 * enough for the planner to pass the trigram indexes by. A vacuum of 20,000 tasks takes ~0.2 s.
 */
const DUE_AFTER_ROWS = 500;

export function startPgliteMaintenance(
  database: Database,
  logger: Logger,
  { checkMs = 30_000, everyMs = 3_600_000 }: MaintenanceOptions = {},
): Maintenance {
  // Every table's ids come from a sequence: their sum counts the rows ever inserted, cheaply.
  const insertedRows = async () => {
    const result = (await database.db.execute(
      sql`select coalesce(sum(last_value), 0)::float8 as rows from pg_sequences`,
    )) as unknown as { rows: { rows: number }[] };
    return Number(result.rows[0]?.rows ?? 0);
  };
  let lastRows: number | undefined;
  let lastRun = 0;
  let running: Promise<boolean> | undefined;

  async function check(): Promise<boolean> {
    const rows = await insertedRows();
    const stale = Date.now() - lastRun >= everyMs;
    if (lastRows !== undefined && !stale && rows - lastRows < DUE_AFTER_ROWS) return false;
    const started = performance.now();
    await database.db.execute(sql`vacuum (analyze)`);
    lastRows = rows;
    lastRun = Date.now();
    logger.info({ duration_ms: Math.round(performance.now() - started), rows }, 'pglite vacuumed');
    return true;
  }

  const once = () => {
    running ??= check()
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'pglite vacuum failed');
        return false;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(once, checkMs);
  timer.unref();
  return {
    check: once,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
