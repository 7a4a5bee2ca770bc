// Liveness and readiness: alive while the process runs; ready while the database answers and
// is migrated, until shutdown begins.
import type { Hono } from 'hono';
import type { Database } from '../db/client.ts';
import { appliedMigrationCount, expectedMigrationCount } from '../db/migrate.ts';
import type { AppEnv } from '../http/router.ts';

export interface Lifecycle {
  shuttingDown: boolean;
}

const READINESS_TIMEOUT_MS = 2_000;

export function mountHealth(app: Hono<AppEnv>, database: Database, lifecycle: Lifecycle) {
  let migrated = false;

  async function checkDatabase(): Promise<string | null> {
    await database.ping();
    if (migrated) return null;
    const [expected, applied] = await Promise.all([
      expectedMigrationCount(),
      appliedMigrationCount(database.db),
    ]);
    if (applied < expected) return `database is missing ${expected - applied} migration(s)`;
    migrated = true;
    return null;
  }

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (lifecycle.shuttingDown) return c.json({ status: 'shutting_down' }, 503);
    try {
      const problem = await withTimeout(checkDatabase(), READINESS_TIMEOUT_MS);
      if (problem) return c.json({ status: 'not_ready', reason: problem }, 503);
      return c.json({ status: 'ready' });
    } catch (error) {
      c.get('logger').warn({ err: error }, 'readiness check failed');
      return c.json({ status: 'not_ready', reason: 'database unreachable' }, 503);
    }
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
