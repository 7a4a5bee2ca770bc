// Scenario: a hostile user. Each probe in ../hostile/ tries one attack on a fresh single-process
// server (loopback only, bounded loops) and reports what happened with its figures.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startHostileServer } from '../lib/hostile-server.mjs';

const probesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../hostile');

/**
 * A probe module's default export is a list of
 * `{ id, finding, tried, env?, run(server, ctx) → { pass, value, figures? } }`:
 * `finding` names the item of the hardening issue, `tried` says what the attacker does, and
 * `value` says what happened, with figures.
 */
async function loadProbes() {
  const files = (await readdir(probesDir)).filter((name) => name.endsWith('.mjs')).sort();
  const probes = [];
  for (const file of files) {
    const module = await import(pathToFileURL(path.join(probesDir, file)).href);
    for (const probe of module.default) probes.push({ ...probe, file });
  }
  return probes;
}

export async function hostileUser(ctx) {
  // The probes that need a browser page (redirects, CSP) need the web app `npm start` serves.
  if (!existsSync(path.join(ctx.root, 'apps/web/out/index.html'))) {
    execFileSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: ctx.root, stdio: 'ignore' });
  }
  const probes = await loadProbes();
  const checks = [];
  const figures = {};
  for (const probe of probes) {
    const started = Date.now();
    let outcome;
    const server = await startHostileServer(ctx, { name: probe.id, env: probe.env });
    try {
      outcome = await probe.run(server, ctx);
    } catch (error) {
      outcome = { pass: false, value: `the probe failed: ${error?.stack ?? error}` };
    } finally {
      await server.stop();
    }
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    figures[probe.id] = { ...(outcome.figures ?? {}), seconds };
    checks.push({
      name: `${probe.id} (${probe.finding}): ${probe.tried}`,
      pass: outcome.pass === true,
      value: outcome.value,
    });
  }
  const held = checks.filter((check) => check.pass).length;
  return {
    name: 'a hostile user against npm start',
    headline: `${held} of ${checks.length} attacks held`,
    figures,
    checks,
  };
}
