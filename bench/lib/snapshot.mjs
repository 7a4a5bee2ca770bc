// Copies the built API (and web export) before a run: other engineers rebuild apps/ while we
// measure, and a build deletes dist/ first, which would break a server started mid-run.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
// Inside the repository so the bundle's bare imports still resolve through node_modules.
const cacheDir = path.join(repoRoot, 'bench', '.cache');

function npm(args, label) {
  console.log(`[bench] ${label}: npm ${args.join(' ')}`);
  execFileSync('npm', args, { cwd: repoRoot, stdio: 'inherit' });
}

/** Returns paths to private copies of dist/ and (when it can be had) the web export. */
export async function snapshotBuild({ rebuild = false, apiDist } = {}) {
  // `apiDist`: another build of the API (an experiment's patched bundle) instead of apps/api/dist.
  const dist = apiDist ? path.resolve(apiDist) : path.join(repoRoot, 'apps/api/dist');
  if (!apiDist && (rebuild || !existsSync(path.join(dist, 'index.js')))) {
    npm(['run', 'build', '-w', 'apps/api'], 'building the API');
  }
  const runDir = path.join(cacheDir, `run-${process.pid}`);
  await rm(runDir, { recursive: true, force: true });
  await cp(dist, path.join(runDir, 'dist'), { recursive: true });
  const bundle = path.join(runDir, 'dist', 'index.js');
  const api = {
    entry: bundle,
    sha256: createHash('sha256')
      .update(await readFile(bundle))
      .digest('hex')
      .slice(0, 16),
    built_at: (await stat(path.join(dist, 'index.js'))).mtime.toISOString(),
  };

  let web = { dir: undefined, note: undefined };
  const out = path.join(repoRoot, 'apps/web/out');
  if (!existsSync(path.join(out, 'index.html'))) {
    try {
      npm(['run', 'build', '-w', 'apps/web'], 'building the web app');
    } catch (error) {
      web.note = `web build failed (${error.message.split('\n')[0]}); static-page scenario skipped`;
    }
  }
  if (existsSync(path.join(out, 'index.html'))) {
    web = { dir: path.join(runDir, 'web'), note: undefined };
    await cp(out, web.dir, { recursive: true });
  } else {
    web.note ??= 'apps/web/out is missing; static-page scenario skipped';
  }
  return { api, web, cleanup: () => rm(runDir, { recursive: true, force: true }) };
}
