// Opens the database: PostgreSQL when a URL is given, embedded PGlite otherwise.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate, setTimeout } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  engine: 'postgres' | 'pglite';
  /**
   * Runs `fn` on one connection held for its whole duration (advisory locks are per session).
   * Aborting `signal` cancels the statement that connection is running.
   */
  withConnection<T>(fn: (db: Db) => Promise<T>, signal?: AbortSignal): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url?: string | undefined;
  /** Directory for PGlite's files; in memory when undefined. */
  dataDir?: string | undefined;
  poolMax?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url
    ? openPostgres(options.url, options.poolMax ?? 10)
    : openPglite(options.dataDir);
}

function openPostgres(url: string, poolMax: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // A connection the server ends must never crash the process: an idle one is replaced by the
  // pool, and a checked-out one fails its query, which the request answers with a 503.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    async withConnection(fn, signal) {
      const client = await pool.connect();
      let cancel: (() => void) | undefined;
      try {
        if (signal) {
          // node-postgres knows the backend's pid but does not type it; ask the server instead.
          const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
          cancel = () => void cancelStatement(url, rows[0]?.pid).catch(() => {});
          signal.addEventListener('abort', cancel, { once: true });
        }
        return await fn(drizzleNodePg(client, { schema }) as unknown as Db);
      } finally {
        if (cancel) signal?.removeEventListener('abort', cancel);
        client.release();
      }
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await pool.end();
    },
  };
}

/** Cancels what one backend runs, from a connection of its own: a pool may have none free. */
async function cancelStatement(url: string, backendPid: number | undefined): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('select pg_cancel_backend($1)', [backendPid]);
  } finally {
    await client.end();
  }
}

/** Loaded only here, so a PostgreSQL deployment can leave PGlite out of its image. */
async function openPglite(dataDir: string | undefined): Promise<Database> {
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
  ]);
  let directory: string | undefined;
  if (dataDir) {
    directory = path.resolve(dataDir, 'pglite');
    await mkdir(directory, { recursive: true });
  }
  const client = await PGlite.create({ dataDir: directory, extensions: { pg_trgm } });
  const db = drizzlePglite(yieldingFirst(client), { schema }) as unknown as Db;
  // PGlite is one connection, where advisory locks are re-entrant: callers must take turns.
  let turn: Promise<unknown> = Promise.resolve();
  return {
    db,
    engine: 'pglite',
    withConnection(fn) {
      const result = turn.then(() => fn(db));
      turn = result.catch(() => {});
      return result;
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await client.close();
    },
  };
}

/**
 * PGlite runs each statement on this thread and settles its promise at once, so awaiting it never
 * returns to the event loop: a request, and every request its finish hands a slot to, ran to the
 * end in one go while other connections' requests lay unread. Measured: one user's 16 searches
 * held the loop for 40-90 ms at a time, and another user's list (3 ms in the server) took 100 ms.
 * Yielding one turn before each statement and transaction, as a round trip to PostgreSQL does,
 * lets the loop read every connection between statements, so requests take turns.
 */
function yieldingFirst<Client extends object>(client: Client): Client {
  const yielding = new Set<PropertyKey>(['query', 'exec', 'transaction']);
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (!yielding.has(property)) return value.bind(target);
      return async (...args: unknown[]) => {
        await setImmediate();
        return value.apply(target, args);
      };
    },
  });
}

/** Waits until the database answers, so a replica may start before its database does. */
export async function waitForDatabase(
  database: Database,
  timeoutSeconds: number,
  onRetry: (error: unknown) => void,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    signal?.throwIfAborted();
    try {
      await database.ping();
      return;
    } catch (error) {
      if (Date.now() >= deadline || signal?.aborted) throw error;
      onRetry(error);
      await setTimeout(1000, undefined, { signal });
    }
  }
}
