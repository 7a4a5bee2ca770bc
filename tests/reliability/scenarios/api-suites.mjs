// Items 3 and 4 of the issue (fuzzing, access control) are Vitest suites owned elsewhere; this
// runs them on PGlite and on PostgreSQL so one command covers the whole issue.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';

// Fuzzing and access control; the full run adds the suites of the other guarded surfaces
// (personal tokens, MCP, chat), which the quick run leaves to `npm test` in CI.
const QUICK = ['fuzz', 'auth', 'isolation'];
const FULL = [...QUICK, 'tokens', 'mcp', 'chat'];

export async function apiSuites(ctx) {
  const files = (ctx.quick ? QUICK : FULL)
    .map((name) => `apps/api/test/api/${name}.test.ts`)
    .filter((file) => existsSync(path.join(ctx.root, file)));
  const report = path.join(ctx.resultsDir, 'api-suites.json');
  await rm(report, { force: true });
  // The shared cluster if the caller named one, else our own instance: nothing else needed.
  const databaseUrl = process.env.TEST_DATABASE_URL ?? ctx.postgres.url;
  const args = [
    'vitest',
    'run',
    '--project',
    'pglite',
    '--project',
    'postgres',
    ...files,
    '--reporter=dot',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ];
  const started = Date.now();
  const { code, output } = await run('npx', args, {
    cwd: ctx.root,
    env: { ...process.env, TEST_DATABASE_URL: databaseUrl },
    timeoutMs: 15 * 60_000,
  });
  let results;
  try {
    results = JSON.parse(await readFile(report, 'utf8'));
  } catch {
    results = undefined;
  }
  const failedTests = (results?.testResults ?? []).flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => `${path.relative(ctx.root, file.name)} › ${test.fullName}`),
  );
  const figures = {
    files: files.map((file) => path.basename(file)),
    database: databaseUrl.replace(/\/\/[^@]*@/, '//'),
    passed: results?.numPassedTests ?? 0,
    failed: results?.numFailedTests ?? 0,
    skipped: (results?.numPendingTests ?? 0) + (results?.numTodoTests ?? 0),
    duration_s: Math.round((Date.now() - started) / 100) / 10,
    exit_code: code,
    failed_tests: failedTests.slice(0, 20),
    ...(code === 0 ? {} : { output_tail: output.slice(-4000) }),
  };
  return {
    name: 'fuzzing and access-control suites',
    headline: `${figures.passed} passed, ${figures.failed} failed, ${figures.skipped} skipped (${files.length} files × PGlite and PostgreSQL, ${figures.duration_s} s)`,
    figures,
    checks: [
      { name: 'vitest exit 0', pass: code === 0, value: code },
      { name: 'tests ran', pass: figures.passed > 0, value: figures.passed },
    ],
  };
}

function run(command, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk).slice(-64 * 1024);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal, output });
    });
  });
}
