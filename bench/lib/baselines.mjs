// The limits to compare against: a bare HTTP server returning a body of the same size, and the
// list endpoint's SQL through the database driver alone. Ratios to these travel across machines.
import { fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '@todo-chatbot/test-kit';
import { connect } from './database.mjs';
import { measure, percentiles } from './load.mjs';
import { round } from './proc.mjs';

/** Serves `body` from a bare node:http child and loads it exactly like the API scenario. */
export async function bareHttp({ body, workDir, seconds, connections, warmupSeconds }) {
  const bodyFile = path.join(workDir, 'bare-body.json');
  await writeFile(bodyFile, body);
  const port = await freePort();
  const child = fork(path.join(import.meta.dirname, 'bare-server.mjs'), [bodyFile], {
    env: { PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  try {
    const result = await measure({
      target: { url: `http://127.0.0.1:${port}/`, method: 'GET' },
      seconds,
      connections,
      warmupSeconds,
      pid: child.pid,
    });
    return { ...result, body_bytes: Buffer.byteLength(body) };
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * Runs the list endpoint's two statements (page + total, concurrently, as listTasks does)
 * in `concurrency` loops for `seconds`; one "operation" is what one list request costs the DB.
 */
export async function driverLoop({ engine, sql, userId, seconds, concurrency }) {
  const db = await connect(engine);
  const pageParams = sql.page.params(userId);
  const totalParams = sql.total.params(userId);
  const once = async () => {
    const [page] = await Promise.all([
      db.query(sql.page.text, pageParams),
      db.query(sql.total.text, totalParams),
    ]);
    if (page.rows.length !== 100) throw new Error(`driver baseline read ${page.rows.length} rows`);
  };
  try {
    const warmUntil = performance.now() + 1000;
    while (performance.now() < warmUntil) await once();
    const latencies = [];
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const worker = async () => {
      while (performance.now() < deadline) {
        const begun = performance.now();
        await once();
        latencies.push(performance.now() - begun);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = (performance.now() - started) / 1000;
    return {
      driver: engine.kind === 'postgres' ? 'pg Pool (max 10)' : 'PGlite (one connection)',
      concurrency,
      seconds: round(elapsed, 2),
      operations: latencies.length,
      ops_per_second: round(latencies.length / elapsed, 1),
      latency_ms: percentiles(latencies),
    };
  } finally {
    await db.close();
  }
}
