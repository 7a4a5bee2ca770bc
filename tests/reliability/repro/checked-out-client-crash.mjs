// Reproduction of an app bug the outage scenario found (fixed in 2b2ea07, kept as a regression
// check): a PostgreSQL connection the server terminates while the app has it checked out of the
// pool (inside a transaction, between two statements) crashed the whole process with
// "Unhandled 'error' event", instead of failing that one request with a 503.
// Run: node tests/reliability/repro/checked-out-client-crash.mjs   (exit 0 = fixed, 1 = bug)
import { spawn } from 'node:child_process';
import { sleep } from '@todo-chatbot/test-kit';
import { createPostgres } from '../lib/postgres.mjs';

const CHILD = `
  import { sql } from 'drizzle-orm';
  import { openDatabase } from './apps/api/src/db/client.ts';
  const database = await openDatabase({ url: process.env.URL });
  try {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql\`select pg_backend_pid()\`);
      console.log('in transaction; waiting for the server to end the session');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await tx.execute(sql\`select 1\`);
    });
  } catch (error) {
    console.log('request failed cleanly:', error.message.split('\\n')[0]);
  }
  await database.close().catch(() => {});
  console.log('process still alive');
`;

const postgres = await createPostgres();
try {
  const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
    cwd: new URL('../../../', import.meta.url),
    env: { ...process.env, URL: postgres.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for (let waited = 0; !output.includes('in transaction') && waited < 30_000; waited += 50) {
    await sleep(50);
  }
  // What a database restart, failover or an operator's pg_terminate_backend does to sessions.
  await postgres.query(
    "select pg_terminate_backend(pid) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
  );
  const code = await exited;
  console.log(output.trim().split('\n').slice(0, 8).join('\n'));
  const crashed = code !== 0 || !output.includes('process still alive');
  console.log(crashed ? `BUG: the process died (exit ${code})` : 'OK: the process survived');
  process.exitCode = crashed ? 1 : 0;
} finally {
  await postgres.destroy();
}
