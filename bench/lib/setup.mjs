// Prepares an engine for measuring: first start (creates the schema), bench users signed up
// through the real endpoint, tasks seeded straight into the database, and the list plan.
import { explainList, seedTasks } from './database.mjs';
import { round } from './proc.mjs';
import { signUpUsers } from './users.mjs';

export const TASK_LEVELS = [10, 100, 1000, 10000];
export const USER_LEVELS = [1, 10, 100];

/** Returns the users by role and what setting up cost; leaves the server stopped. */
export async function prepareEngine({
  engine,
  start,
  sql,
  runId,
  log,
  crowdSize = Math.max(...USER_LEVELS),
}) {
  const server = await start();
  const first_start_ms = Math.round(server.readyMs);
  log(`${engine.kind}: first start (empty database, migrations) ${first_start_ms} ms`);

  const signUp = await signUpUsers(server.url, 5 + crowdSize, {
    prefix: `${engine.kind}-${runId}`,
  });
  const [main, writer, few, many, most, ...crowd] = signUp.users;
  log(`${engine.kind}: signed up ${signUp.users.length} users`);
  await server.stop();

  // Seeded with the server stopped: PGlite admits one process at a time.
  const byLevel = { 10: few, 100: main, 1000: many, 10000: most };
  const plan = [
    ...TASK_LEVELS.map((count) => ({ userId: byLevel[count].id, count })),
    ...crowd.map((user) => ({ userId: user.id, count: 100 })),
  ];
  const seedMs = await seedTasks(engine, plan);
  const tasks = plan.reduce((sum, { count }) => sum + count, 0);
  log(`${engine.kind}: seeded ${tasks} tasks in ${seedMs} ms`);

  return {
    users: { main, writer, byLevel, crowd },
    facts: {
      first_start_ms,
      sign_up: { users: signUp.users.length, latency_ms: summary(signUp.latencies) },
      seed: { tasks, ms: seedMs },
      explain_10000: await explainList(engine, sql, most.id),
    },
  };
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: round(sorted[Math.floor(sorted.length / 2)] ?? 0, 0),
    max: round(sorted.at(-1) ?? 0, 0),
  };
}
