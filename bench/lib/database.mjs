// The two engines under test: a throw-away PostgreSQL database, or a PGlite data directory.
// Also seeds tasks straight into the database (thousands of HTTP creates would dominate the
// run time) and explains the list query's plan.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function createEngine(kind, runId) {
  const dataDir = await mkdtemp(path.join(tmpdir(), `bench-${kind}-`));
  if (kind === 'pglite') {
    return {
      kind,
      dataDir,
      url: undefined,
      cleanup: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  // Only databases named bench_<run id> are ever created or dropped here.
  const name = `bench_${runId}`;
  await admin(`create database ${name}`);
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    kind,
    dataDir,
    url,
    name,
    async cleanup() {
      await admin(`drop database if exists ${name} with (force)`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function admin(statement) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function postgresVersion() {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query('show server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

/**
 * A direct connection to the engine's data, with one `query(text, params)` for both drivers.
 * PGlite is single-process: call this only while the API server is stopped.
 */
export async function connect(engine) {
  if (engine.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: engine.url, max: 10 });
    return {
      query: (text, params) => pool.query(text, params),
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  // The tasks table has trigram indexes: writing to it needs the extension loaded.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const db = await PGlite.create({
    dataDir: path.join(engine.dataDir, 'pglite'),
    extensions: { pg_trgm },
  });
  return { query: (text, params) => db.query(text, params), close: () => db.close() };
}

// Varied like a real list: a quarter done, half with due dates, a few tags, spread over months.
const SEED_SQL = `
insert into tasks (user_id, title, description, completed, completed_at, priority, tags,
                   due_at, created_at, updated_at)
select $1,
       (array['Buy milk', 'Call mum', 'Write the report', 'Fix the bike', 'Pay rent'])[1 + g % 5]
         || ' #' || g,
       case when g % 3 = 0 then 'Notes for task ' || g || ': remember the details.' else '' end,
       g % 4 = 0,
       case when g % 4 = 0 then now() - make_interval(mins => g) end,
       (array['none', 'low', 'medium', 'high'])[1 + g % 4],
       case g % 5 when 0 then '{work}'::text[] when 1 then '{home,errands}'::text[]
                  when 3 then '{health}'::text[] else '{}'::text[] end,
       case when g % 2 = 0 then now() + make_interval(days => g % 60 - 20) end,
       now() - make_interval(mins => g * 7),
       now() - make_interval(mins => g * 7)
from generate_series(1, $2::int) as g`;

/** Inserts `count` tasks for each user; returns the elapsed milliseconds. */
export async function seedTasks(engine, plan) {
  const started = performance.now();
  const db = await connect(engine);
  try {
    for (const { userId, count } of plan) await db.query(SEED_SQL, [userId, count]);
    // PostgreSQL's autovacuum would analyse a table that grew this much within a minute; doing
    // it now makes plans repeatable. PGlite runs no autovacuum, so it is left as users get it.
    if (engine.kind === 'postgres') await db.query('vacuum analyze tasks');
  } finally {
    await db.close();
  }
  return Math.round(performance.now() - started);
}

/** EXPLAIN ANALYZE of the list endpoint's two statements for one user. */
export async function explainList(engine, listSql, userId) {
  const db = await connect(engine);
  try {
    const plans = {};
    for (const [name, statement] of Object.entries(listSql)) {
      const result = await db.query(
        `explain (analyze, buffers, costs off) ${statement.text}`,
        statement.params(userId),
      );
      plans[name] = result.rows.map((row) => row['QUERY PLAN']);
    }
    return plans;
  } finally {
    await db.close();
  }
}

/**
 * CPU seconds used by this database's PostgreSQL backends between before() and after(), read
 * from /proc: the database's share of a request's cost. Approximate: a backend that exits
 * mid-run is lost, one that starts mid-run is counted from its start.
 */
export function backendCpu(engine, cpuSeconds) {
  if (engine.kind !== 'postgres') return undefined;
  const pids = async () => {
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    try {
      const { rows } = await client.query(
        'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [engine.name],
      );
      return rows.map((row) => row.pid);
    } finally {
      await client.end();
    }
  };
  const sample = async () => new Map((await pids()).map((pid) => [pid, cpuSeconds(pid) ?? 0]));
  return {
    before: sample,
    async after(before) {
      let total = 0;
      for (const [pid, seconds] of await sample()) total += seconds - (before.get(pid) ?? 0);
      return total;
    },
  };
}
